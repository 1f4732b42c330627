<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Desk.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Desk.title ?></h1>
<p class="lead"><?cs var:Lang.Desk.lead ?></p>
<?cs if:Outcome == "checked_in" ?>
<div class="notification-banner notification-success" role="status" id="desk-outcome"><?cs var:Lang.Desk.Outcome.checked_in ?></div>
<?cs elif:Outcome ?>
<div class="error-summary" role="alert" id="desk-outcome"><h2 class="error-summary-title"><?cs var:Lang.Desk.Outcome[Outcome] ?></h2></div>
<?cs /if ?>
<?cs if:Booking.no ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Booking.no ?></dt><dd><?cs var:Booking.no ?></dd></div>
  <div><dt><?cs var:Lang.Booking.patient_name ?></dt><dd><?cs var:Booking.patient_name ?></dd></div>
  <div><dt><?cs var:Lang.Booking.IdType[Booking.id_type] ?></dt><dd><?cs var:Booking.id_masked ?></dd></div>
  <div><dt><?cs var:Lang.Booking.departments ?></dt><dd><?cs var:Booking.department ?> · <?cs var:Booking.doctor ?></dd></div>
  <div><dt><?cs var:Lang.Booking.date ?></dt><dd><?cs var:Booking.date ?> <?cs var:Booking.starts ?></dd></div>
</dl>
<?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/desk/checkin" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("code", "text", Lang.Desk.code, "", "", Form.code.error, 120, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Desk.submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
