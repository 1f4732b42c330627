<article class="notice">
  <h1 class="page-title"><?cs var:Notice.title ?></h1>
  <p class="notice-meta">
    <span class="badge badge-<?cs var:Notice.category ?>"><?cs var:Lang.Category[Notice.category] ?></span>
    <?cs if:Notice.published ?><?cs var:Lang.Notices.published ?>:<time datetime="<?cs var:Notice.published ?>"><?cs var:Notice.published ?></time><?cs /if ?>
  </p>
  <div class="notice-body"><?cs var:Notice.body ?></div>
</article>
