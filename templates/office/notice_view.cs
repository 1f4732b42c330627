<?cs set:Page.office = 1 ?><?cs set:Page.title = Notice.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/office/notices/"><?cs var:Lang.Notice.manage ?></a></li></ol></nav>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs if:Done == "saved" ?><?cs var:Lang.Notice.done_saved ?><?cs elif:Done == "published" ?><?cs var:Lang.Notice.done_published ?><?cs else ?><?cs var:Lang.Notice.done_changed ?><?cs /if ?></div><?cs /if ?>

<p><?cs var:Lang.Notice.state ?>:<span class="tag tag-<?cs var:Notice.state ?>" id="notice-state"><?cs var:Lang.Notice.State[Notice.state] ?></span>
<?cs if:Notice.publish_at ?> · <?cs var:Lang.Notice.publish_at ?>:<?cs var:Notice.publish_at ?><?cs /if ?>
<?cs if:Notice.expire_at ?> · <?cs var:Lang.Notice.expire_at ?>:<?cs var:Notice.expire_at ?><?cs /if ?></p>

<div class="action-bar">
  <a class="button button-secondary" href="/office/notices/<?cs var:Notice.id ?>/edit"><?cs var:Lang.Notice.edit ?></a>
  <?cs if:Notice.status == "draft" ?>
  <form class="inline-form" method="post" action="/office/notices/<?cs var:Notice.id ?>/publish"><?cs call:csrf_field() ?><button class="button" type="submit"><?cs var:Lang.Notice.publish ?></button></form>
  <?cs else ?>
  <form class="inline-form" method="post" action="/office/notices/<?cs var:Notice.id ?>/unpublish"><?cs call:csrf_field() ?><button class="button button-secondary" type="submit"><?cs var:Lang.Notice.unpublish ?></button></form>
  <?cs /if ?>
  <?cs if:Notice.pinned == 1 ?>
  <form class="inline-form" method="post" action="/office/notices/<?cs var:Notice.id ?>/unpin"><?cs call:csrf_field() ?><button class="button button-secondary" type="submit"><?cs var:Lang.Notice.unpin ?></button></form>
  <?cs else ?>
  <form class="inline-form" method="post" action="/office/notices/<?cs var:Notice.id ?>/pin"><?cs call:csrf_field() ?><button class="button button-secondary" type="submit"><?cs var:Lang.Notice.pin ?></button></form>
  <?cs /if ?>
  <?cs if:Notice.state == "live" || Notice.state == "scheduled" ?>
  <form class="inline-form" method="post" action="/office/notices/<?cs var:Notice.id ?>/expire"><?cs call:csrf_field() ?><button class="button button-warning" type="submit"><?cs var:Lang.Notice.expire ?></button></form>
  <?cs /if ?>
</div>

<h2><?cs var:Lang.Notice.preview ?></h2>
<div class="preview-banner"><?cs var:Lang.Notice.preview_note ?></div>
<?cs include:"notices/article.cs" ?>

<?cs if:subcount(History) ?>
<h2><?cs var:Lang.Notice.history ?></h2>
<ul>
<?cs each:h = History ?><li><?cs var:h.at ?> · <?cs var:h.username ?> · <?cs var:h.action ?></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
