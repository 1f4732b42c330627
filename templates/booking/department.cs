<?cs set:Page.title = Department.name ?><?cs set:Page.section = "booking" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/"><?cs var:Lang.home ?></a></li><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Department.name ?></h1>
<p class="lead"><?cs var:Department.intro ?></p>
<p><strong><?cs var:Lang.Booking.location ?>:</strong><?cs var:Department.location ?><br>
<strong><?cs var:Lang.Booking.phone ?>:</strong><a href="tel:<?cs var:Department.phone ?>"><?cs var:Department.phone ?></a></p>
<p><a href="/booking/departments/<?cs var:Department.id ?>/schedule"><?cs var:Lang.Booking.schedule ?></a></p>
<h2><?cs var:Lang.Booking.doctors ?></h2>
<ul class="notice-list">
  <?cs each:d = Doctors ?>
  <li class="notice-item doctor-item">
    <a class="notice-link" href="/booking/doctors/<?cs var:d.id ?>"><?cs var:d.name ?></a>
    <span class="badge badge-notice"><?cs var:Lang.Booking.Title[d.title] ?></span>
    <p class="muted"><?cs var:Lang.Booking.specialty ?>:<?cs var:d.specialty ?></p>
    <p><?cs var:Lang.Booking.free_dates ?>:<?cs if:d.free_dates ?><?cs var:d.free_dates ?><?cs else ?><?cs var:Lang.Booking.no_free_dates ?><?cs /if ?></p>
  </li>
  <?cs /each ?>
</ul>
<?cs include:"layout/footer.cs" ?>
