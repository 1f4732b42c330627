<?cs if:Booking.status == "booked" ?><?cs set:Page.title = Lang.Booking.confirmed ?><?cs else ?><?cs set:Page.title = Lang.Booking.Status[Booking.status] ?><?cs /if ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Done == "cancelled" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Booking.cancelled_done ?></div>
<?cs elif:Done == "rescheduled" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Booking.rescheduled_done ?></div><?cs /if ?>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1"><h2 class="error-summary-title"><?cs var:Lang.Booking.Refusal[Refusal] ?></h2></div><?cs /if ?>
<h1 class="page-title"><?cs if:Booking.status == "booked" ?><?cs var:Lang.Booking.confirmed ?><?cs else ?><?cs var:Lang.Booking.Status[Booking.status] ?><?cs /if ?></h1>
<p class="booking-no"><?cs var:Lang.Booking.no ?>:<strong id="confirmation-no"><?cs var:Booking.no ?></strong></p>
<?cs if:Booking.session_status == "stopped" ?><p class="form-error-message"><?cs var:Lang.Booking.session_stopped ?><?cs if:Booking.stop_reason ?>:<?cs var:Booking.stop_reason ?><?cs /if ?></p><?cs /if ?>
<?cs include:"booking/queue_place.cs" ?>
<?cs if:Booking.status == "booked" ?>
<div class="notification-banner">
  <p><?cs var:Lang.Booking.arrive ?><strong id="arrival-window"><?cs var:Booking.date ?> <?cs var:Booking.arrive_from ?>–<?cs var:Booking.starts ?></strong></p>
</div>
<?cs if:Raw.qr_svg ?>
<figure class="qr-code">
  <?cs uvar:Raw.qr_svg ?>
  <figcaption><?cs var:Lang.Booking.qr_hint ?></figcaption>
</figure>
<?cs /if ?>
<?cs /if ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Booking.status ?></dt><dd id="booking-status"><?cs var:Lang.Booking.Status[Booking.status] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.departments ?></dt><dd><?cs var:Booking.department ?>(<?cs var:Booking.location ?>)</dd></div>
  <div><dt><?cs var:Lang.Booking.doctor ?></dt><dd><?cs var:Booking.doctor ?> · <?cs var:Lang.Booking.Title[Booking.title] ?> · <?cs var:Lang.Booking.Type[Booking.clinic_type] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.date ?></dt><dd><?cs var:Booking.date ?> <?cs var:Lang.Booking.Weekday[Booking.weekday] ?> <?cs var:Lang.Booking.Period[Booking.period] ?> <?cs var:Booking.starts ?>–<?cs var:Booking.ends ?></dd></div>
  <div><dt><?cs var:Lang.Booking.fee ?></dt><dd><?cs var:Booking.fee ?> <?cs var:Lang.Booking.yuan ?></dd></div>
  <div><dt><?cs var:Lang.Booking.patient_name ?></dt><dd><?cs var:Booking.patient_name ?></dd></div>
  <div><dt><?cs var:Lang.Booking.IdType[Booking.id_type] ?></dt><dd id="masked-id"><?cs var:Booking.id_number ?></dd></div>
  <div><dt><?cs var:Lang.Booking.mobile ?></dt><dd id="masked-mobile"><?cs var:Booking.mobile ?></dd></div>
</dl>
<?cs if:Booking.status == "booked" && Links.query ?>
<ul class="action-links">
  <li><a href="/booking/calendar?<?cs var:Links.query ?>"><?cs var:Lang.Booking.add_calendar ?></a></li>
  <li><a href="/booking/qr?<?cs var:Links.query ?>" download="booking-qr.png"><?cs var:Lang.Booking.download_qr ?></a></li>
</ul>
<?cs /if ?>
<?cs if:Booking.cancellable == 1 ?>
<p><a class="button button-secondary" id="reschedule-link" href="/booking/reschedule?no=<?cs var:Booking.no ?>&amp;t=<?cs var:Query.t ?>"><?cs var:Lang.Booking.reschedule ?></a></p>
<form class="form" method="post" action="/booking/cancel">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="no" value="<?cs var:Booking.no ?>">
  <input type="hidden" name="t" value="<?cs var:Query.t ?>">
  <p class="form-hint"><?cs var:Lang.Booking.cancel_hint ?></p>
  <button class="button button-warning" type="submit"><?cs var:Lang.Booking.cancel ?></button>
</form>
<?cs /if ?>
<?cs include:"surveys/offer.cs" ?>
<?cs include:"layout/footer.cs" ?>
