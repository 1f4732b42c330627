<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Stop.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Stop.title ?> · <?cs var:Day.date ?></h1>
<p class="lead"><?cs var:Lang.Stop.lead ?></p>
<?cs if:Done == "stopped" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Stop.done ?></div>
<?cs elif:Done == "created" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Schedule.done_created ?></div>
<?cs elif:Done == "copied" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Schedule.done_copied ?></div><?cs /if ?>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1"><h2 class="error-summary-title"><?cs var:Lang.Schedule.Refusal[Refusal] ?></h2></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form inline-form" method="get" action="/office/sessions">
  <?cs call:text_field_as("day", "date", "date", Lang.Stop.date, "", Day.date, "", 0, "off") ?>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Stop.show ?></button>
</form>
<?cs if:subcount(Sessions) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Stop.title ?>">
<table class="data-table">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Stop.department ?></th>
    <th scope="col"><?cs var:Lang.Stop.doctor ?></th>
    <th scope="col"><?cs var:Lang.Stop.period ?></th>
    <th scope="col"><?cs var:Lang.Stop.booked ?></th>
    <th scope="col"><?cs var:Lang.Stop.reason ?></th>
  </tr></thead>
  <tbody>
  <?cs each:s = Sessions ?>
  <tr id="session-<?cs var:s.id ?>">
    <td><?cs var:s.department ?></td>
    <td><?cs var:s.doctor ?><br><span class="muted"><?cs var:Lang.Booking.Type[s.clinic_type] ?></span></td>
    <td><?cs var:Lang.Booking.Period[s.period] ?></td>
    <td><a href="/office/sessions/<?cs var:s.id ?>"><?cs var:s.booked ?> / <?cs var:s.capacity ?></a></td>
    <td><?cs if:s.status == "stopped" ?><span class="tag tag-expired"><?cs var:Lang.Stop.stopped ?></span> <?cs var:s.stop_reason ?><?cs else ?>
      <form class="inline-form" method="post" action="/office/sessions/<?cs var:s.id ?>/stop">
        <?cs call:csrf_field() ?>
        <label class="visually-hidden" for="reason-<?cs var:s.id ?>"><?cs var:Lang.Stop.reason ?></label>
        <input class="form-input" id="reason-<?cs var:s.id ?>" name="reason" maxlength="200">
        <button class="button button-warning" type="submit"><?cs var:Lang.Stop.submit ?></button>
      </form><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p><?cs var:Lang.Stop.none ?></p>
<?cs /if ?>

<h2 id="new-session"><?cs var:Lang.Schedule.new ?></h2>
<p><?cs var:Lang.Schedule.new_lead ?></p>
<form class="form" method="post" action="/office/sessions/new" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:field_start("doctor_id", Lang.Schedule.doctor, "", Form.doctor_id.error) ?>
    <select class="form-select" id="f-doctor_id" name="doctor_id">
      <?cs each:d = Doctors ?><option value="<?cs var:d.id ?>"<?cs if:Form.doctor_id == d.id ?> selected<?cs /if ?>><?cs var:d.department ?> · <?cs var:d.name ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:text_field("date", "date", Lang.Schedule.date, "", Form.date, Form.date.error, 0, "off") ?>
  <?cs call:field_start("period", Lang.Schedule.period, "", Form.period.error) ?>
    <select class="form-select" id="f-period" name="period">
      <?cs each:p = Lang.Booking.Period ?><option value="<?cs name:p ?>"<?cs if:Form.period == name(p) ?> selected<?cs /if ?>><?cs var:p ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:clinic_type_field(Form.clinic_type, Form.clinic_type.error) ?>
  <?cs call:text_field("fee", "text", Lang.Schedule.fee, "", Form.fee, Form.fee.error, 12, "off") ?>
  <?cs call:field_start("slot_minutes", Lang.Schedule.slot_minutes, "", Form.slot_minutes.error) ?>
    <select class="form-select" id="f-slot_minutes" name="slot_minutes">
      <option value="30"<?cs if:Form.slot_minutes != "15" ?> selected<?cs /if ?>>30</option>
      <option value="15"<?cs if:Form.slot_minutes == "15" ?> selected<?cs /if ?>>15</option>
    </select>
  </div>
  <?cs call:text_field("capacity", "number", Lang.Schedule.capacity, "", Form.capacity, Form.capacity.error, 0, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Schedule.submit ?></button>
</form>

<h2 id="copy-week"><?cs var:Lang.Schedule.copy ?></h2>
<p><?cs var:Lang.Schedule.copy_lead ?></p>
<form class="form" method="post" action="/office/sessions/copy-week" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("from", "date", Lang.Schedule.copy_from, "", Form.from, Form.from.error, 0, "off") ?>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Schedule.copy_submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
