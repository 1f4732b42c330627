<?cs set:Page.title = Lang.Booking.schedule ?><?cs set:Page.section = "booking" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/departments/<?cs var:Department.id ?>"><?cs var:Department.name ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Department.name ?> · <?cs var:Lang.Booking.schedule ?></h1>
<p class="lead"><?cs var:Lang.Booking.schedule_lead ?></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Booking.schedule ?>">
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
