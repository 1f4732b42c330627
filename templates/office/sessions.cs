<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Stop.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Stop.title ?> · <?cs var:Day.date ?></h1>
<p class="lead"><?cs var:Lang.Stop.lead ?></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Stop.done ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form inline-form" method="get" action="/office/sessions">
  <?cs call:text_field("date", "date", Lang.Stop.date, "", Day.date, "", 10, "off") ?>
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
    <td><?cs var:s.booked ?> / <?cs var:s.capacity ?></td>
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
<?cs include:"layout/footer.cs" ?>
