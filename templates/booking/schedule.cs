<?cs set:Page.title = Lang.Booking.schedule ?><?cs set:Page.section = "booking" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/departments/<?cs var:Department.id ?>"><?cs var:Department.name ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Department.name ?> · <?cs var:Lang.Booking.schedule ?></h1>
<p class="lead"><?cs var:Lang.Booking.schedule_lead ?></p>
<div class="schedule-days">
<?cs each:day = Days ?>
  <h2><?cs var:Lang.Booking.Weekday[day.weekday] ?> <?cs var:day.date ?></h2>
  <?cs set:any = 0 ?>
  <ul>
  <?cs each:row = Rows ?><?cs if:row.cell[name(day)] ?><?cs set:any = 1 ?>
    <li><?cs var:Lang.Booking.Period[row.period] ?> · <a href="/booking/doctors/<?cs var:row.id ?>?day=<?cs var:day.full ?>"><?cs var:row.name ?></a>
      <span class="muted"><?cs var:Lang.Booking.Title[row.title] ?></span> · <?cs var:Lang.Booking.Type[row.cell[name(day)]] ?></li>
  <?cs /if ?><?cs /each ?>
  </ul>
  <?cs if:!any ?><p class="muted"><?cs var:Lang.Booking.no_clinic_day ?></p><?cs /if ?>
<?cs /each ?>
</div>
<div class="table-wrap schedule-wide" tabindex="0" role="region" aria-label="<?cs var:Lang.Booking.schedule ?>">
<table class="data-table schedule-table">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Booking.doctor ?></th>
    <th scope="col"><?cs var:Lang.Booking.period ?></th>
    <?cs each:day = Days ?><th scope="col"><?cs var:Lang.Booking.Weekday[day.weekday] ?><br><?cs var:day.date ?></th><?cs /each ?>
  </tr></thead>
  <tbody>
  <?cs each:row = Rows ?>
  <tr>
    <th scope="row"><a href="/booking/doctors/<?cs var:row.id ?>"><?cs var:row.name ?></a><br><span class="muted"><?cs var:Lang.Booking.Title[row.title] ?></span></th>
    <td><?cs var:Lang.Booking.Period[row.period] ?></td>
    <?cs each:cell = row.cell ?><td><?cs if:cell ?><?cs var:Lang.Booking.Type[cell] ?><?cs /if ?></td><?cs /each ?>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs include:"layout/footer.cs" ?>
