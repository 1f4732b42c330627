<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Notice.manage ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Notice.manage ?></h1>
<div class="action-bar"><a class="button" href="/office/notices/new"><?cs var:Lang.Notice.new ?></a></div>
<?cs if:subcount(Notices) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Page.title ?>">
<table class="data-table">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Notice.list_title ?></th>
    <th scope="col"><?cs var:Lang.Notice.category ?></th>
    <th scope="col"><?cs var:Lang.Notice.state ?></th>
    <th scope="col"><?cs var:Lang.Notice.publish_at ?></th>
    <th scope="col"><?cs var:Lang.Notice.updated ?></th>
  </tr></thead>
  <tbody>
  <?cs each:n = Notices ?>
  <tr>
    <td><a href="/office/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs if:n.pinned == 1 ?> <span class="badge-pinned"><?cs var:Lang.pinned ?></span><?cs /if ?></td>
    <td><?cs var:Lang.Category[n.category] ?></td>
    <td><span class="tag tag-<?cs var:n.state ?>"><?cs var:Lang.Notice.State[n.state] ?></span></td>
    <td><?cs var:n.publish_at ?></td>
    <td><?cs var:n.updated_at ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p><?cs var:Lang.Notice.none ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
