<?cs # one notice in a list; the loop variable is n ?>
  <li class="notice-item">
    <a class="notice-link" href="/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a>
    <span class="badge badge-<?cs var:n.category ?>"><?cs var:Lang.Category[n.category] ?></span>
    <?cs if:n.pinned == 1 ?><span class="badge-pinned"><?cs var:Lang.pinned ?></span><?cs /if ?>
    <time class="notice-date" datetime="<?cs var:n.date ?>"><?cs var:n.date ?></time>
  </li>
