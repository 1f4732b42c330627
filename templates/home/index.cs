<?cs set:Page.title = Lang.Home.title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Site.name ?></h1>
<p class="lead"><?cs var:Lang.Home.lead ?></p>

<div class="emergency-banner">
  <h2><?cs var:Lang.Home.emergency_title ?></h2>
  <p><?cs var:Lang.Home.emergency_text ?> <?cs each:phone = Site.phones ?><?cs if:phone.emergency ?><a href="tel:<?cs var:phone.number ?>"><?cs var:phone.number ?></a><?cs /if ?><?cs /each ?></p>
</div>

<section class="services" aria-labelledby="services-title">
  <h2 id="services-title"><?cs var:Lang.Home.services ?></h2>
  <ul class="service-grid">
    <li><a class="service-card" href="/booking/"><span class="service-name"><?cs var:Lang.Home.Service.booking.name ?></span><span class="service-desc"><?cs var:Lang.Home.Service.booking.desc ?></span></a></li>
    <li><a class="service-card" href="/reports/"><span class="service-name"><?cs var:Lang.Home.Service.reports.name ?></span><span class="service-desc"><?cs var:Lang.Home.Service.reports.desc ?></span></a></li>
    <li><a class="service-card" href="/notices/"><span class="service-name"><?cs var:Lang.Home.Service.notices.name ?></span><span class="service-desc"><?cs var:Lang.Home.Service.notices.desc ?></span></a></li>
    <li><a class="service-card" href="/volunteers/"><span class="service-name"><?cs var:Lang.Vol.title ?></span><span class="service-desc"><?cs var:Lang.Vol.home_desc ?></span></a></li>
    <li><a class="service-card" href="/fees/"><span class="service-name"><?cs var:Lang.Fees.home_name ?></span><span class="service-desc"><?cs var:Lang.Fees.home_desc ?></span></a></li>
  </ul>
</section>

<section class="latest" aria-labelledby="latest-title">
  <h2 id="latest-title"><?cs var:Lang.Home.latest ?></h2>
  <?cs if:subcount(Latest) ?>
  <ul class="notice-list">
    <?cs each:n = Latest ?>
    <?cs include:"notices/item.cs" ?>
    <?cs /each ?>
  </ul>
  <p><a href="/notices/"><?cs var:Lang.Home.all_notices ?></a></p>
  <?cs else ?>
  <p><?cs var:Lang.Notices.empty ?></p>
  <?cs /if ?>
</section>

<section class="contact" aria-labelledby="contact-title">
  <h2 id="contact-title"><?cs var:Lang.Home.contact ?></h2>
  <p><strong><?cs var:Lang.Home.address ?>:</strong><?cs var:Site.address ?></p>
  <p><strong><?cs var:Lang.Home.hours ?>:</strong><?cs var:Site.hours ?></p>
</section>
<?cs include:"layout/footer.cs" ?>
