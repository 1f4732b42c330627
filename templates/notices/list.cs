<?cs set:Page.title = Lang.Notices.title ?><?cs set:Page.section = "notices" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Notices.title ?><?cs if:Filter.category ?> · <?cs var:Lang.Category[Filter.category] ?><?cs /if ?></h1>
<p class="lead"><?cs var:Lang.Notices.lead ?></p>

<nav aria-label="<?cs var:Lang.Notices.filter ?>">
  <ul class="filter-tabs">
    <li><a href="/notices/"<?cs if:!Filter.category ?> aria-current="page"<?cs /if ?>><?cs var:Lang.all ?></a></li>
    <?cs each:c = Lang.Category ?>
    <li><a href="/notices/?category=<?cs name:c ?>"<?cs if:Filter.category == name(c) ?> aria-current="page"<?cs /if ?>><?cs var:c ?></a></li>
    <?cs /each ?>
  </ul>
</nav>

<?cs if:subcount(Notices) ?>
<ul class="notice-list">
  <?cs each:n = Notices ?>
  <?cs include:"notices/item.cs" ?>
  <?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Notices.empty ?></p>
<?cs /if ?>

<?cs if:Paging.prev || Paging.next ?>
<nav class="pagination" aria-label="<?cs var:Lang.Notices.page ?>">
  <?cs if:Paging.prev ?><a class="pagination-prev" href="/notices/?<?cs if:Filter.category ?>category=<?cs var:Filter.category ?>&amp;<?cs /if ?>page=<?cs var:Paging.prev ?>"><?cs var:Lang.Notices.prev ?></a><?cs /if ?>
  <span class="pagination-status"><?cs var:Lang.Notices.page_prefix ?> <?cs var:Paging.page ?> <?cs var:Lang.Notices.page_suffix ?></span>
  <?cs if:Paging.next ?><a class="pagination-next" href="/notices/?<?cs if:Filter.category ?>category=<?cs var:Filter.category ?>&amp;<?cs /if ?>page=<?cs var:Paging.next ?>"><?cs var:Lang.Notices.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
