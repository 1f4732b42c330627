<?cs set:Page.title = Doctor.name ?><?cs set:Page.section = "booking" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/departments/<?cs var:Doctor.department_id ?>"><?cs var:Doctor.department ?></a></li></ol></nav>
<div class="doctor-profile">
  <?cs # the doctor's photo when the office has one, else the surname ?>
  <?cs if:Doctor.photo ?><img class="doctor-photo" src="/static/<?cs var:Doctor.photo ?>" alt="<?cs var:Doctor.name ?>" width="96" height="120"><?cs else ?><span class="doctor-photo doctor-initial" aria-hidden="true"><?cs var:Doctor.initial ?></span><?cs /if ?>
  <div>
    <h1 class="page-title"><?cs var:Doctor.name ?> <span class="badge badge-notice"><?cs var:Lang.Booking.Title[Doctor.title] ?></span></h1>
    <p><strong><?cs var:Lang.Booking.specialty ?>:</strong><?cs var:Doctor.specialty ?></p>
  </div>
</div>
<p class="muted"><?cs var:Doctor.intro ?></p>

<h2 id="days-title"><?cs var:Lang.Booking.doctor_week ?></h2>
<?cs if:subcount(Days) ?>
<nav aria-labelledby="days-title">
  <ul class="day-strip">
    <?cs each:d = Days ?>
    <li><a class="day day-<?cs var:d.state ?>" href="/booking/doctors/<?cs var:Doctor.id ?>?day=<?cs var:d.date ?>"<?cs if:d.date == Day ?> aria-current="date"<?cs /if ?>>
      <span class="day-weekday"><?cs var:Lang.Booking.Weekday[d.weekday] ?></span>
      <span class="day-date"><?cs var:d.short ?></span>
      <span class="day-state"><?cs var:Lang.Booking.DayState[d.state] ?></span></a></li>
    <?cs /each ?>
  </ul>
</nav>
<?cs each:s = Sessions ?>
<section class="clinic-session" aria-labelledby="session-<?cs var:s.id ?>">
  <h3 id="session-<?cs var:s.id ?>"><?cs var:s.date ?> <?cs var:Lang.Booking.Weekday[s.weekday] ?> <?cs var:Lang.Booking.Period[s.period] ?>
    · <?cs var:Lang.Booking.Type[s.clinic_type] ?> · <?cs var:Lang.Booking.fee ?> <?cs var:s.fee ?> <?cs var:Lang.Booking.yuan ?></h3>
  <?cs if:s.status == "stopped" ?>
  <p class="form-error-message"><?cs var:Lang.Booking.stopped ?><?cs if:s.stop_reason ?>:<?cs var:s.stop_reason ?><?cs /if ?></p>
  <?cs else ?>
  <ul class="slot-list">
    <?cs each:t = Slots ?><?cs if:t.session_id == s.id ?>
    <li class="slot<?cs if:t.bookable != 1 ?> slot-full<?cs /if ?>"><span class="slot-time"><?cs var:t.starts ?>–<?cs var:t.ends ?></span>
      <?cs if:t.bookable == 1 ?><a class="slot-free" href="/booking/slots/<?cs var:t.id ?>"><?cs var:Lang.Booking.book ?> · <?cs var:Lang.Booking.free ?> <?cs var:t.free ?></a><?cs elif:t.free == 0 ?><span class="slot-state"><?cs var:Lang.Booking.full ?></span><?cs else ?><span class="slot-state"><?cs var:Lang.Booking.closed ?></span><?cs /if ?></li>
    <?cs /if ?><?cs /each ?>
  </ul>
  <?cs if:s.waitlist == 1 ?><p class="waitlist-offer"><?cs var:Lang.Waitlist.session_full ?> <a class="button button-secondary" href="/booking/sessions/<?cs var:s.id ?>/waitlist" id="waitlist-<?cs var:s.id ?>"><?cs var:Lang.Waitlist.join ?></a></p><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /each ?>
<?cs else ?>
<p><?cs var:Lang.Booking.no_sessions ?></p>
<?cs /if ?>
<p><a href="/booking/departments/<?cs var:Doctor.department_id ?>"><?cs var:Lang.Booking.back_department ?></a></p>
<?cs include:"layout/footer.cs" ?>
