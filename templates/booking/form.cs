<?cs set:Page.title = Lang.Booking.book_title ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/doctors/<?cs var:Slot.doctor_id ?>"><?cs var:Slot.doctor ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Booking.book_title ?></h1>
<?cs include:"booking/slot_summary.cs" ?>
<?cs if:Refusal ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal">
  <h2 class="error-summary-title"><?cs var:RefusalText ?></h2>
  <?cs if:Refusal == "slot_full" ?><p><a href="/booking/sessions/<?cs var:Slot.session_id ?>/waitlist" id="slot-waitlist"><?cs var:Lang.Waitlist.join_from_slot ?></a></p><?cs /if ?>
</div>
<?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Step == "book" ?>
<p class="lead"><?cs var:Lang.Booking.book_lead ?></p>
<div class="verified-mobile">
  <p><?cs var:Lang.Verify.verified ?> <strong><?cs var:Verified.mobile ?></strong></p>
  <form method="post" action="/booking/verify">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="slot" value="<?cs var:Slot.id ?>">
    <button class="button button-secondary" type="submit" name="action" value="forget"><?cs var:Lang.Verify.change ?></button>
  </form>
</div>
<form class="form" method="post" action="/booking/slots/<?cs var:Slot.id ?>" novalidate>
  <?cs call:csrf_field() ?>
  <?cs include:"booking/patient_fields.cs" ?>
  <button class="button" type="submit"><?cs var:Lang.Booking.submit ?></button>
</form>
<?cs else ?>
<?cs include:"booking/verify_step.cs" ?>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
