<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Vol.office_title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Vol.office_title ?></h1>
<?cs include:"volunteers/office_nav.cs" ?>
<nav class="filter-tabs" aria-label="<?cs var:Lang.Vol.col_status ?>"><ul>
  <li><a href="/office/volunteers/"<?cs if:!Filter.status ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Vol.filter_all ?></a></li>
  <?cs each:s = Lang.Vol.State ?><li><a href="/office/volunteers/?status=<?cs name:s ?>"<?cs if:Filter.status == name(s) ?> aria-current="page"<?cs /if ?>><?cs var:s ?><?cs each:c = Counts ?><?cs if:c.status == name(s) ?> (<?cs var:c.n ?>)<?cs /if ?><?cs /each ?></a></li><?cs /each ?>
</ul></nav>
<form class="form" method="get" action="/office/volunteers/" role="search">
  <?cs if:Filter.status ?><input type="hidden" name="status" value="<?cs var:Filter.status ?>"><?cs /if ?>
  <div class="form-group">
    <label class="form-label" for="f-q"><?cs var:Lang.Vol.search ?></label>
    <input class="form-input" id="f-q" name="q" type="search" value="<?cs var:Filter.q ?>" maxlength="50">
  </div>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Vol.search_submit ?></button>
</form>
<?cs if:subcount(Applications) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Page.title ?>">
<table class="data-table" id="applications">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Vol.col_no ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_name ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_status ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_mobile ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_created ?></th>
  </tr></thead>
  <tbody>
  <?cs each:a = Applications ?>
  <tr>
    <td><a href="/office/volunteers/<?cs var:a.id ?>"><?cs var:a.no ?></a></td>
    <td><?cs var:a.name ?></td>
    <td><span class="tag"><?cs var:Lang.Vol.State[a.status] ?></span></td>
    <td><?cs var:a.mobile ?></td>
    <td><?cs var:a.created ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p><?cs var:Lang.Vol.none ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
