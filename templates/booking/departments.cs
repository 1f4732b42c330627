<?cs set:Page.title = Lang.Booking.title ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Booking.title ?></h1>
<p class="lead"><?cs var:Lang.Booking.lead ?></p>
<p><a href="/booking/lookup"><?cs var:Lang.Booking.lookup ?></a></p>
<?cs include:"booking/triage.cs" ?>
<?cs if:Search.found == 1 ?><p id="all-departments"><a href="/booking/"><?cs var:Lang.Triage.all_departments ?></a></p><?cs else ?>
<ul class="service-grid">
  <?cs each:d = Departments ?>
  <li><a class="service-card" href="/booking/departments/<?cs var:d.id ?>"><span class="service-name"><?cs var:d.name ?></span><span class="service-desc"><?cs var:d.location ?> · <?cs var:d.phone ?></span></a></li>
  <?cs /each ?>
</ul>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
