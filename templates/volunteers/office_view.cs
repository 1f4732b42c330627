<?cs set:Page.office = 1 ?><?cs set:Page.title = App.name ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/office/volunteers/"><?cs var:Lang.Vol.office_title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:App.name ?> · <?cs var:App.no ?></h1>
<p><span class="tag" id="app-status"><?cs var:Lang.Vol.State[App.status] ?></span></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status" id="done"><?cs var:Lang.Vol.Done[Done] ?></div><?cs /if ?>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:RefusalText ?></h2></div><?cs /if ?>

<?cs def:workflow() ?>
<h2><?cs var:Lang.Vol.workflow ?></h2>
<?cs if:App.status == "exam" && App.exam_attempts > 0 ?><p><?cs var:Lang.Vol.exam_retake ?></p><?cs /if ?>
<?cs if:Can.interview ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" novalidate id="form-interview">
  <?cs call:csrf_field() ?><input type="hidden" name="action" value="interview">
  <h3><?cs var:Lang.Vol.Action.interview ?></h3>
  <?cs call:text_field("interview_at", "datetime-local", Lang.Vol.interview_at, "", Form.interview_at, Form.interview_at.error, 0, "") ?>
  <?cs call:text_field("interview_place", "text", Lang.Vol.interview_place, "", Form.interview_place, Form.interview_place.error, 100, "off") ?>
  <?cs call:textarea_field("notes", Lang.Vol.interview_notes, "", Form.notes, Form.notes.error, 2) ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.Action.interview ?></button>
</form>
<?cs /if ?>
<?cs if:Can.training ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" novalidate id="form-training">
  <?cs call:csrf_field() ?><input type="hidden" name="action" value="training">
  <h3><?cs var:Lang.Vol.Action.training ?></h3>
  <?cs call:text_field("outcome", "text", Lang.Vol.interview_outcome, "", Form.outcome, Form.outcome.error, 200, "off") ?>
  <?cs call:textarea_field("notes", Lang.Vol.interview_notes, "", Form.notes, Form.notes.error, 2) ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.Action.training ?></button>
</form>
<?cs /if ?>
<?cs if:Can.exam ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" novalidate id="form-exam">
  <?cs call:csrf_field() ?><input type="hidden" name="action" value="exam">
  <h3><?cs var:Lang.Vol.Action.exam ?></h3>
  <?cs call:text_field("sessions", "number", Lang.Vol.training_sessions, "", Form.sessions, Form.sessions.error, 0, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.Action.exam ?></button>
</form>
<?cs /if ?>
<?cs if:Can.score ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" novalidate id="form-score">
  <?cs call:csrf_field() ?><input type="hidden" name="action" value="score">
  <h3><?cs var:Lang.Vol.Action.score ?></h3>
  <?cs call:text_field("score", "number", Lang.Vol.exam_score, "0–100", Form.score, Form.score.error, 0, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.Action.score ?></button>
</form>
<?cs /if ?>
<?cs if:Can.resume ?>
<form class="inline-form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" id="form-resume">
  <?cs call:csrf_field() ?><input type="hidden" name="action" value="resume">
  <button class="button" type="submit"><?cs var:Lang.Vol.Action.resume ?></button>
</form>
<?cs /if ?>
<?cs if:Can.reject || Can.withdraw || Can.suspend || Can.leave ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/move" novalidate id="form-end">
  <?cs call:csrf_field() ?>
  <?cs call:field_start("action", Lang.Vol.action, "", Form.action.error) ?>
    <select class="form-select" id="f-action" name="action">
      <?cs each:a = Lang.Vol.Action ?><?cs if:Can[name(a)] && (name(a) == "reject" || name(a) == "withdraw" || name(a) == "suspend" || name(a) == "leave") ?><option value="<?cs name:a ?>"<?cs if:Form.action == name(a) ?> selected<?cs /if ?>><?cs var:a ?></option><?cs /if ?><?cs /each ?>
    </select>
  </div>
  <?cs call:text_field("reason", "text", Lang.Vol.reason, "", Form.reason, Form.reason.error, 200, "off") ?>
  <button class="button button-warning" type="submit"><?cs var:Lang.Vol.end_submit ?></button>
</form>
<?cs /if ?>

<?cs /def ?>
<?cs def:details() ?>
<h2><?cs var:Lang.Vol.details ?></h2>
<dl class="summary-list" id="details">
  <div><dt><?cs var:Lang.Vol.f_id_number ?></dt><dd><?cs var:App.id_masked ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_sex ?></dt><dd><?cs var:Lang.Vol.Sex[App.sex] ?> · <?cs var:App.age ?><?cs var:Lang.Vol.age_unit ?>(<?cs var:App.birth_date ?>)</dd></div>
  <div><dt><?cs var:Lang.Vol.f_mobile ?></dt><dd><?cs var:App.mobile ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_email ?></dt><dd><?cs var:App.email ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_address ?></dt><dd><?cs var:App.address ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_occupation ?></dt><dd><?cs var:App.occupation ?></dd></div>
  <?cs if:App.political_status ?><div><dt><?cs var:Lang.Vol.f_political ?></dt><dd><?cs var:Lang.Vol.Political[App.political_status] ?></dd></div><?cs /if ?>
  <div><dt><?cs var:Lang.Vol.f_health ?></dt><dd><?cs var:Lang.Vol.f_health_ok_text ?><?cs if:App.health ?>;<?cs var:App.health ?><?cs /if ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_services ?></dt><dd><?cs each:s = Lang.Vol.Service ?><?cs if:string.find("," + App.services + ",", "," + name(s) + ",") >= 0 ?><span class="tag"><?cs var:s ?></span> <?cs /if ?><?cs /each ?></dd></div>
  <div><dt><?cs var:Lang.Vol.availability_short ?></dt><dd><?cs each:d = Lang.Vol.Day ?><?cs set:am = name(d) * 2 ?><?cs set:pm = name(d) * 2 + 1 ?><?cs if:App.avail[am] == 1 ?><span class="tag"><?cs var:d ?><?cs var:Lang.Vol.morning ?></span> <?cs /if ?><?cs if:App.avail[pm] == 1 ?><span class="tag"><?cs var:d ?><?cs var:Lang.Vol.afternoon ?></span> <?cs /if ?><?cs /each ?></dd></div>
  <?cs if:App.skills ?><div><dt><?cs var:Lang.Vol.f_skills ?></dt><dd><?cs var:App.skills ?></dd></div><?cs /if ?>
  <?cs if:App.languages ?><div><dt><?cs var:Lang.Vol.f_language_group ?></dt><dd><?cs var:App.languages ?></dd></div><?cs /if ?>
  <?cs if:App.previous ?><div><dt><?cs var:Lang.Vol.f_previous ?></dt><dd><?cs var:App.previous ?></dd></div><?cs /if ?>
  <div><dt><?cs var:Lang.Vol.part_contact ?></dt><dd><?cs var:App.emergency_name ?>(<?cs var:App.emergency_relation ?>)<?cs var:App.emergency_mobile ?></dd></div>
  <?cs if:App.interview_at ?><div><dt><?cs var:Lang.Vol.interview_at ?></dt><dd><?cs var:App.interview_at ?> · <?cs var:App.interview_place ?></dd></div><?cs /if ?>
  <?cs if:App.interview_notes ?><div><dt><?cs var:Lang.Vol.interview_notes ?></dt><dd><?cs var:App.interview_notes ?></dd></div><?cs /if ?>
  <?cs if:App.interview_outcome ?><div><dt><?cs var:Lang.Vol.interview_outcome ?></dt><dd><?cs var:App.interview_outcome ?></dd></div><?cs /if ?>
  <?cs if:App.training_sessions > 0 ?><div><dt><?cs var:Lang.Vol.training_sessions ?></dt><dd><?cs var:App.training_sessions ?></dd></div><?cs /if ?>
  <?cs if:App.exam_attempts > 0 ?><div><dt><?cs var:Lang.Vol.exam_score ?></dt><dd id="exam-score"><?cs var:App.exam_score ?>(<?cs var:Lang.Vol.exam_attempts ?> <?cs var:App.exam_attempts ?>)</dd></div><?cs /if ?>
  <?cs if:App.reason ?><div><dt><?cs var:Lang.Vol.reason ?></dt><dd><?cs var:App.reason ?></dd></div><?cs /if ?>
  <?cs if:App.active_since ?><div><dt><?cs var:Lang.Vol.active_since ?></dt><dd><?cs var:App.active_since ?></dd></div><?cs /if ?>
</dl>

<?cs /def ?>
<?cs call:error_summary() ?>
<?cs if:App.status == "active" || App.status == "suspended" ?>
<h2><?cs var:Lang.Vol.hours ?></h2>
<p id="month-total"><?cs var:Lang.Vol.this_month ?>:<?cs var:Month.minutes ?> <?cs var:Lang.Vol.minutes ?><?cs if:Month.below == 1 ?> <span class="tag tag-expired"><?cs var:Lang.Vol.below_minimum ?></span><?cs /if ?></p>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/shifts" novalidate id="form-shift">
  <?cs call:csrf_field() ?>
  <h3><?cs var:Lang.Vol.record_shift ?></h3>
  <?cs call:field_start("point", Lang.Vol.point, "", Form.point.error) ?>
    <select class="form-select" id="f-point" name="point">
      <?cs each:p = Points ?><option value="<?cs var:p.id ?>"<?cs if:Form.point == p.id ?> selected<?cs /if ?>><?cs var:p.name ?></option><?cs /each ?>
    </select>
  </div>
  <?cs call:text_field("started", "datetime-local", Lang.Vol.started, "", Form.started, Form.started.error, 0, "") ?>
  <?cs call:text_field("ended", "datetime-local", Lang.Vol.ended, "", Form.ended, Form.ended.error, 0, "") ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.record_shift ?></button>
</form>
<?cs if:subcount(Shifts) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Vol.hours ?>">
<table class="data-table" id="shifts">
  <thead><tr><th scope="col"><?cs var:Lang.Vol.started ?></th><th scope="col"><?cs var:Lang.Vol.point ?></th><th scope="col"><?cs var:Lang.Vol.minutes ?></th><th scope="col"><?cs var:Lang.Vol.source ?></th></tr></thead>
  <tbody><?cs each:s = Shifts ?><tr><td><?cs var:s.started ?>–<?cs var:s.ended ?></td><td><?cs var:s.point ?></td><td><?cs var:s.minutes ?></td><td><?cs var:Lang.Vol.Source[s.source] ?></td></tr><?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:Lang.Vol.no_shifts ?></p><?cs /if ?>

<form class="inline-form" method="post" action="/office/volunteers/<?cs var:App.id ?>/link" id="form-link">
  <?cs call:csrf_field() ?>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Vol.send_link ?></button>
</form>
<p class="form-hint"><?cs var:Lang.Vol.link_hint ?></p>
<?cs if:App.certificate ?><p><a href="<?cs var:App.certificate ?>" id="certificate-link"><?cs var:Lang.Vol.certificate_link ?></a></p><?cs /if ?>

<h2><?cs var:Lang.Vol.evaluations ?></h2>
<?cs if:subcount(Evaluations) ?>
<ul class="notice-list" id="evaluations"><?cs each:e = Evaluations ?><li class="notice-item"><strong><?cs var:e.month ?></strong> · <?cs var:Lang.Vol.conduct ?>:<?cs var:e.conduct ?> · <?cs var:Lang.Vol.punctuality ?>:<?cs var:e.punctuality ?><br><?cs var:Lang.Vol.feedback ?>:<?cs var:e.feedback ?> <span class="muted">(<?cs var:e.created_by ?> <?cs var:e.created ?>)</span></li><?cs /each ?></ul>
<?cs else ?><p><?cs var:Lang.Vol.no_evaluations ?></p><?cs /if ?>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/evaluations" novalidate id="form-evaluation">
  <?cs call:csrf_field() ?>
  <?cs call:text_field("month", "text", Lang.Vol.month, Lang.Vol.month_hint, Form.month, Form.month.error, 7, "off") ?>
  <?cs call:text_field("conduct", "text", Lang.Vol.conduct, "", Form.conduct, Form.conduct.error, 200, "off") ?>
  <?cs call:text_field("punctuality", "text", Lang.Vol.punctuality, "", Form.punctuality, Form.punctuality.error, 200, "off") ?>
  <?cs call:textarea_field("feedback", Lang.Vol.feedback, "", Form.feedback, Form.feedback.error, 2) ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.add_evaluation ?></button>
</form>

<?cs if:App.status == "active" ?>
<h2><?cs var:Lang.Vol.star ?></h2>
<form class="form" method="post" action="/office/volunteers/<?cs var:App.id ?>/star" novalidate id="form-star">
  <?cs call:csrf_field() ?>
  <?cs call:text_field("citation", "text", Lang.Vol.citation, "", Form.citation, Form.citation.error, 200, "off") ?>
  <div class="form-checkbox"><input id="f-publish" name="publish" type="checkbox" value="1"<?cs if:Star.published == 1 ?> checked<?cs /if ?>><label for="f-publish"><?cs var:Lang.Vol.publish ?></label></div>
  <button class="button" type="submit"><?cs var:Lang.Vol.save_star ?></button>
</form>
<?cs /if ?>
<?cs call:workflow() ?>
<?cs call:details() ?>
<?cs else ?>
<?cs call:workflow() ?>
<?cs call:details() ?>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
