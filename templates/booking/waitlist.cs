<?cs set:Page.title = Lang.Waitlist.Status[Entry.status] ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Done == "left" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Waitlist.left_done ?></div><?cs /if ?>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:RefusalText ?></h2></div><?cs /if ?>
<h1 class="page-title"><?cs var:Lang.Waitlist.title ?></h1>
<p class="booking-no"><?cs var:Lang.Waitlist.no ?>:<strong id="entry-no"><?cs var:Entry.no ?></strong></p>
<?cs if:Entry.status == "waiting" ?>
<div class="notification-banner" id="waitlist-position">
  <p><?cs var:Lang.Waitlist.position_prefix ?><strong class="big-number"><?cs var:Entry.position ?></strong><?cs var:Lang.Waitlist.position_suffix ?></p>
  <p class="form-hint"><?cs var:Lang.Waitlist.waiting_hint ?></p>
</div>
<?cs elif:Entry.status == "offered" ?>
<div class="notification-banner notification-success" id="waitlist-offer">
  <h2><?cs var:Lang.Waitlist.offer_title ?></h2>
  <p><?cs var:Entry.date ?> <?cs var:Entry.offer_starts ?>–<?cs var:Entry.offer_ends ?> · <?cs var:Entry.department ?> <?cs var:Entry.doctor ?></p>
  <p><?cs var:Lang.Waitlist.offer_until ?><strong id="offer-until"><?cs var:Entry.offer_until ?></strong></p>
</div>
<form class="form" method="post" action="/booking/waitlist/confirm">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="no" value="<?cs var:Entry.no ?>">
  <input type="hidden" name="t" value="<?cs var:Entry.t ?>">
  <button class="button" type="submit" id="confirm-offer"><?cs var:Lang.Waitlist.confirm ?></button>
</form>
<?cs elif:Entry.status == "booked" ?>
<div class="notification-banner notification-success" id="waitlist-booked"><p><?cs var:Lang.Waitlist.booked ?> <a href="<?cs var:Entry.booking_link ?>"><?cs var:Lang.Waitlist.see_booking ?></a></p></div>
<?cs else ?>
<p class="notification-banner" id="waitlist-ended"><?cs var:Lang.Waitlist.Ended[Entry.status] ?></p>
<?cs /if ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Booking.status ?></dt><dd id="waitlist-status"><?cs var:Lang.Waitlist.Status[Entry.status] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.departments ?></dt><dd><?cs var:Entry.department ?>(<?cs var:Entry.location ?>)</dd></div>
  <div><dt><?cs var:Lang.Booking.doctor ?></dt><dd><?cs var:Entry.doctor ?> · <?cs var:Lang.Booking.Title[Entry.title] ?> · <?cs var:Lang.Booking.Type[Entry.clinic_type] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.date ?></dt><dd><?cs var:Entry.date ?> <?cs var:Lang.Booking.Weekday[Entry.weekday] ?> <?cs var:Lang.Booking.Period[Entry.period] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.patient_name ?></dt><dd><?cs var:Entry.patient_name ?></dd></div>
  <div><dt><?cs var:Lang.Booking.IdType[Entry.id_type] ?></dt><dd><?cs var:Entry.id_number ?></dd></div>
  <div><dt><?cs var:Lang.Booking.mobile ?></dt><dd><?cs var:Entry.mobile ?></dd></div>
</dl>
<?cs if:Entry.status == "waiting" || Entry.status == "offered" ?>
<form class="form" method="post" action="/booking/waitlist/leave">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="no" value="<?cs var:Entry.no ?>">
  <input type="hidden" name="t" value="<?cs var:Entry.t ?>">
  <button class="button button-warning" type="submit" id="leave-waitlist"><?cs if:Entry.status == "offered" ?><?cs var:Lang.Waitlist.decline ?><?cs else ?><?cs var:Lang.Waitlist.leave ?><?cs /if ?></button>
</form>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
