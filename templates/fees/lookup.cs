<?cs if:Kind == "outpatient" ?><?cs set:Page.title = Lang.Fees.outpatient ?><?cs else ?><?cs set:Page.title = Lang.Fees.inpatient ?><?cs /if ?><?cs set:Page.section = "fees" ?><?cs set:Page.css = "fees" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/"><?cs var:Lang.home ?></a></li><li><a href="/fees/"><?cs var:Lang.Fees.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Page.title ?></h1>
<p class="lead"><?cs if:Kind == "outpatient" ?><?cs var:Lang.Fees.outpatient_lead ?><?cs else ?><?cs var:Lang.Fees.inpatient_lead ?><?cs /if ?></p>
<?cs if:Expired ?><p class="notification-banner" role="status"><?cs var:Lang.Fees.expired ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/fees/<?cs var:Kind ?>" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Kind == "outpatient" ?><?cs set:numlabel = Lang.Fees.visit_no ?><?cs else ?><?cs set:numlabel = Lang.Fees.admission_no ?><?cs /if ?>
  <?cs call:text_field("number", "text", numlabel, "", Form.number, Form.number.error, 20, "off") ?>
  <?cs call:text_field("factor", "text", Lang.Fees.factor, Lang.Fees.factor_hint, Form.factor, Form.factor.error, 4, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Fees.lookup_submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
