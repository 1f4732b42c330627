<?cs set:Page.title = Lang.Reports.title ?><?cs set:Page.section = "reports" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Reports.title ?></h1>
<p class="lead"><?cs var:Lang.Reports.lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/reports/" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("barcode", "text", Lang.Reports.barcode, Lang.Reports.barcode_hint, Form.barcode, Form.barcode.error, 40, "off") ?>
  <?cs call:text_field("factor", "text", Lang.Reports.factor, Lang.Reports.factor_hint, Form.factor, Form.factor.error, 8, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Reports.submit ?></button>
</form>
<p><a href="/reports/turnaround"><?cs var:Lang.Reports.turnaround_link ?></a></p>
<?cs include:"layout/footer.cs" ?>
