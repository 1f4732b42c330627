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
  <div><dt><?cs var:Lang.Booking.IdType[Booking.id_type] ?></dt><dd><?cs var:Booking.id_number ?></dd></div>
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

<?cs include:"booking/desk_queue.cs" ?>
<h2 id="today"><?cs var:Lang.Desk.today ?></h2>
<form class="form inline-form" method="get" action="/office/desk">
  <?cs call:field_start("department", Lang.Desk.department, "", "") ?>
    <select class="form-select" id="f-department" name="department">
      <option value="0"><?cs var:Lang.Desk.all_departments ?></option>
      <?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Today.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?>
    </select>
  </div>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Desk.show ?></button>
</form>
<?cs if:subcount(Today.bookings) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Desk.today ?>">
<table class="data-table" id="today-bookings">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Desk.time ?></th>
    <th scope="col"><?cs var:Lang.Booking.patient_name ?></th>
    <th scope="col"><?cs var:Lang.Desk.clinic ?></th>
    <th scope="col"><?cs var:Lang.Desk.state ?></th>
  </tr></thead>
  <tbody>
  <?cs each:b = Today.bookings ?>
  <tr id="booking-<?cs var:b.no ?>">
    <td><?cs var:b.starts ?>–<?cs var:b.ends ?></td>
    <td><?cs var:b.patient_name ?><br><span class="muted"><?cs var:Lang.Booking.IdType[b.id_type] ?> <?cs var:b.id_number ?> · <?cs var:b.no ?></span></td>
    <td><?cs var:b.department ?><br><span class="muted"><?cs var:b.doctor ?></span></td>
    <td><?cs if:b.status == "booked" ?>
      <form class="inline-form" method="post" action="/office/desk/checkin">
        <?cs call:csrf_field() ?><input type="hidden" name="code" value="<?cs var:b.no ?>">
        <button class="button button-secondary" type="submit" aria-label="<?cs var:Lang.Desk.submit ?> <?cs var:b.patient_name ?> <?cs var:b.no ?>"><?cs var:Lang.Desk.submit ?></button>
      </form>
    <?cs elif:b.status == "checked_in" ?><span class="tag tag-live"><?cs var:Lang.Desk.State.checked_in ?> <?cs var:b.checked_in_at ?></span>
    <?cs else ?><span class="tag tag-expired"><?cs var:Lang.Desk.State[b.status] ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p id="today-none"><?cs var:Lang.Desk.none_today ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
