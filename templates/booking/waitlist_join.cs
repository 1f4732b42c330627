<?cs set:Page.title = Lang.Waitlist.join_title ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/doctors/<?cs var:Session.doctor_id ?>?day=<?cs var:Session.date ?>"><?cs var:Session.doctor ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Waitlist.join_title ?></h1>
<dl class="summary-list" id="session-summary">
  <div><dt><?cs var:Lang.Booking.doctor ?></dt><dd><?cs var:Session.department ?> · <?cs var:Session.doctor ?> · <?cs var:Lang.Booking.Title[Session.title] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.date ?></dt><dd><?cs var:Session.date ?> <?cs var:Lang.Booking.Weekday[Session.weekday] ?> <?cs var:Lang.Booking.Period[Session.period] ?> · <?cs var:Lang.Booking.Type[Session.clinic_type] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.fee ?></dt><dd><?cs var:Session.fee ?> <?cs var:Lang.Booking.yuan ?></dd></div>
  <div><dt><?cs var:Lang.Waitlist.waiting_now ?></dt><dd id="waiting-count"><?cs var:Session.waiting ?></dd></div>
</dl>
<?cs if:Refusal ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal">
  <h2 class="error-summary-title"><?cs var:RefusalText ?></h2>
</div>
<?cs /if ?>
<?cs if:Session.state == "places_free" ?>
<p class="notification-banner" id="places-free"><?cs var:Lang.Waitlist.places_free ?> <a href="/booking/doctors/<?cs var:Session.doctor_id ?>?day=<?cs var:Session.date ?>"><?cs var:Lang.Waitlist.choose_slot ?></a></p>
<?cs elif:Session.state != "open" ?>
<p class="notification-banner" id="waitlist-closed"><?cs var:Lang.Waitlist.closed ?></p>
<?cs else ?>
<p class="lead"><?cs var:Lang.Waitlist.join_lead ?></p>
<?cs call:error_summary() ?>
<?cs if:Step == "book" ?>
<div class="verified-mobile">
  <p><?cs var:Lang.Verify.verified ?> <strong><?cs var:Verified.mobile ?></strong></p>
  <form method="post" action="/booking/verify">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="slot" value="<?cs var:Slot.id ?>">
    <input type="hidden" name="then" value="waitlist">
    <button class="button button-secondary" type="submit" name="action" value="forget"><?cs var:Lang.Verify.change ?></button>
  </form>
</div>
<form class="form" method="post" action="/booking/sessions/<?cs var:Session.id ?>/waitlist" novalidate>
  <?cs call:csrf_field() ?>
  <?cs include:"booking/patient_fields.cs" ?>
  <button class="button" type="submit"><?cs var:Lang.Waitlist.join ?></button>
</form>
<?cs else ?>
<?cs set:Verify.then = "waitlist" ?>
<?cs include:"booking/verify_step.cs" ?>
<?cs /if ?>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
