<?cs set:Page.title = Lang.Vol.lookup_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/volunteers/"><?cs var:Lang.Vol.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Vol.lookup_title ?></h1>
<p class="lead"><?cs var:Lang.Vol.lookup_lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/volunteers/status" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("no", "text", Lang.Vol.no, "", Form.no, Form.no.error, 20, "off") ?>
  <?cs call:text_field("mobile", "tel", Lang.Vol.f_mobile, "", Form.mobile, Form.mobile.error, 20, "tel-national") ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.lookup_submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
