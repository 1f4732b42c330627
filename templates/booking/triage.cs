<?cs # 导诊: search by department, doctor, specialty, pinyin initials or symptom (triage.c). ?>
<form class="form search-form" method="get" action="/booking/" role="search">
  <?cs call:text_field("q", "search", Lang.Triage.q, Lang.Triage.q_hint, Form.q, Form.q.error, 32, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Triage.submit ?></button>
</form>
<?cs if:Search.q ?>
<section class="triage-results" id="triage-results" aria-labelledby="triage-title">
  <h2 id="triage-title"><?cs var:Lang.Triage.results ?>“<?cs var:Search.q ?>”</h2>
  <?cs if:Search.emergency == 1 ?>
  <div class="error-summary" role="alert" id="emergency-line">
    <h3 class="error-summary-title"><?cs var:Lang.Triage.emergency_title ?></h3>
    <?cs each:p = Site.phones ?><?cs if:p.emergency ?><p><?cs var:Lang.Triage.emergency_call ?> <a class="big-number" href="tel:<?cs var:p.number ?>"><?cs var:p.number ?></a>(<?cs var:p.label ?>)</p><?cs /if ?><?cs /each ?>
  </div>
  <?cs /if ?>
  <?cs if:subcount(Search.symptoms) ?>
  <h3><?cs var:Lang.Triage.by_symptom ?></h3>
  <ul class="result-list" id="symptom-results">
    <?cs each:s = Search.symptoms ?><li><a href="/booking/departments/<?cs var:s.id ?>"><?cs var:s.name ?></a> <span class="muted"><?cs var:s.symptom ?> · <?cs var:s.location ?></span></li><?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:subcount(Search.departments) ?>
  <h3><?cs var:Lang.Triage.departments ?></h3>
  <ul class="result-list" id="department-results">
    <?cs each:d = Search.departments ?><li><a href="/booking/departments/<?cs var:d.id ?>"><?cs var:d.name ?></a> <span class="muted"><?cs var:d.location ?></span></li><?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:subcount(Search.doctors) ?>
  <h3><?cs var:Lang.Triage.doctors ?></h3>
  <ul class="result-list" id="doctor-results">
    <?cs each:d = Search.doctors ?><li><a href="/booking/doctors/<?cs var:d.id ?>"><?cs var:d.name ?></a> <span class="muted"><?cs var:d.department ?> · <?cs var:Lang.Booking.Title[d.title] ?> · <?cs var:d.specialty ?></span></li><?cs /each ?>
  </ul>
  <?cs /if ?>
  <?cs if:Search.found != 1 ?><p id="triage-none"><?cs var:Lang.Triage.none ?></p><?cs /if ?>
</section>
<?cs /if ?>
