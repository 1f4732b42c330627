<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Complaints.Office.stars ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Complaints.Office.Done.published ?></div><?cs /if ?>
<h1 class="page-title"><?cs var:Lang.Complaints.Office.stars ?></h1>
<p class="lead"><?cs var:Lang.Complaints.Office.stars_lead ?>(<?cs var:Filter.days ?> 天)</p>
<?cs call:error_summary() ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Complaints.Office.stars ?>">
<table class="data-table" id="star-table">
  <thead><tr><th scope="col"><?cs var:Lang.Complaints.staff ?></th><th scope="col"><?cs var:Lang.Complaints.department ?></th><th scope="col"><?cs var:Lang.Complaints.praise_count ?></th></tr></thead>
  <tbody><?cs each:s = Stars ?><tr><th scope="row"><?cs var:s.staff_name ?></th><td><?cs var:s.department ?></td><td><?cs var:s.praise_count ?></td></tr><?cs /each ?></tbody>
</table>
</div>
<h2><?cs var:Lang.Complaints.Office.by_department ?></h2>
<ul><?cs each:d = ByDepartment ?><li><?cs var:d.department ?>:<?cs var:d.praise_count ?></li><?cs /each ?></ul>
<?cs if:Published.title ?><p><?cs var:Lang.Complaints.Office.published ?><a href="/complaints/stars"><?cs var:Published.title ?></a>(<?cs var:Published.at ?>)</p><?cs /if ?>
<form class="form" method="post" action="/office/complaints/stars" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("title", "text", Lang.Complaints.f_star_title, "", Form.title, Form.title.error, 100, "off") ?>
  <input type="hidden" name="days" value="<?cs var:Filter.days ?>">
  <button class="button" type="submit"><?cs var:Lang.Complaints.Office.publish ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
