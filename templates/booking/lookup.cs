<?cs set:Page.title = Lang.Booking.lookup ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Booking.lookup ?></h1>
<p class="lead"><?cs var:Lang.Booking.lookup_lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/booking/lookup" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("no", "text", Lang.Booking.no, "", Form.no, Form.no.error, 10, "off") ?>
  <?cs call:text_field("mobile", "tel", Lang.Booking.mobile, "", Form.mobile, Form.mobile.error, 11, "tel-national") ?>
  <button class="button" type="submit"><?cs var:Lang.Booking.lookup_submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
