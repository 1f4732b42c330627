<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Schedule.slots_title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/office/sessions?date=<?cs var:Session.date ?>"><?cs var:Lang.Stop.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Schedule.slots_title ?></h1>
<p class="lead"><?cs var:Session.department ?> · <?cs var:Session.doctor ?> · <?cs var:Session.date ?> <?cs var:Lang.Booking.Period[Session.period] ?> · <?cs var:Lang.Booking.Type[Session.clinic_type] ?> · <?cs var:Session.fee ?> <?cs var:Lang.Booking.yuan ?></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Schedule.done_saved ?></div><?cs /if ?>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1"><h2 class="error-summary-title"><?cs var:Lang.Schedule.Refusal[Refusal] ?></h2></div><?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Session.status == "open" ?>
<h2 id="session-terms"><?cs var:Lang.Schedule.edit ?></h2>
<p><?cs var:Lang.Schedule.edit_lead ?></p>
<form class="form" method="post" action="/office/sessions/<?cs var:Session.id ?>/edit" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:clinic_type_field(Form.clinic_type, Form.clinic_type.error) ?>
  <?cs call:text_field("fee", "text", Lang.Schedule.fee, "", Form.fee, Form.fee.error, 12, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Schedule.edit_submit ?></button>
</form>
<?cs else ?>
<p><span class="tag tag-expired"><?cs var:Lang.Stop.stopped ?></span></p>
<?cs /if ?>
<h2 id="slots"><?cs var:Lang.Schedule.slots ?></h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Schedule.slots ?>">
<table class="data-table">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Schedule.slot ?></th>
    <th scope="col"><?cs var:Lang.Schedule.booked ?></th>
    <th scope="col"><?cs var:Lang.Schedule.capacity ?> · <?cs var:Lang.Schedule.is_open ?></th>
  </tr></thead>
  <tbody>
  <?cs each:t = Slots ?>
  <tr id="slot-<?cs var:t.id ?>">
    <td><?cs var:t.starts ?>–<?cs var:t.ends ?></td>
    <td><?cs var:t.booked ?></td>
    <td>
      <form class="inline-form" method="post" action="/office/slots/<?cs var:t.id ?>">
        <?cs call:csrf_field() ?>
        <label class="visually-hidden" for="cap-<?cs var:t.id ?>"><?cs var:Lang.Schedule.capacity ?> <?cs var:t.starts ?></label>
        <input class="form-input" id="cap-<?cs var:t.id ?>" name="capacity" type="number" min="0" max="200" value="<?cs var:t.capacity ?>">
        <span class="form-checkbox"><input id="open-<?cs var:t.id ?>" name="is_open" type="checkbox" value="1"<?cs if:t.is_open == 1 ?> checked<?cs /if ?>><label for="open-<?cs var:t.id ?>"><?cs var:Lang.Schedule.is_open ?></label></span>
        <button class="button button-secondary" type="submit"><?cs var:Lang.Schedule.save ?></button>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs include:"layout/footer.cs" ?>
