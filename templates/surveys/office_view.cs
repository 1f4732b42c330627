<?cs set:Page.office = 1 ?><?cs set:Page.title = Survey.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Surveys.Office.Done[Done] ?></div><?cs /if ?>
<h1 class="page-title"><?cs var:Survey.title ?></h1>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Surveys.Office.version ?></dt><dd>v<?cs var:Survey.version ?> (<?cs var:Survey.code ?>)</dd></div>
  <div><dt><?cs var:Lang.Surveys.f_audience ?></dt><dd><?cs var:Lang.Surveys.Audience[Survey.audience] ?><?cs if:Survey.department ?> · <?cs var:Survey.department ?><?cs /if ?></dd></div>
  <div><dt><?cs var:Lang.Surveys.f_opens_on ?></dt><dd><?cs var:Survey.opens_on ?> – <?cs var:Survey.closes_on ?> <span class="tag"><?cs var:Lang.Surveys.State[Survey.state] ?></span></dd></div>
  <div><dt><?cs var:Lang.Surveys.Office.responses ?></dt><dd><?cs var:Survey.responses ?></dd></div>
  <?cs if:Survey.is_public ?><div><dt><?cs var:Lang.Surveys.Office.public_link ?></dt><dd>/surveys/<?cs var:Survey.id ?></dd></div><?cs /if ?>
</dl>
<?cs if:Survey.status == "archived" ?><p class="muted"><?cs var:Lang.Surveys.Office.archived_note ?><?cs if:Newer.id ?> <a href="/office/surveys/<?cs var:Newer.id ?>"><?cs var:Lang.Surveys.Office.newer ?></a><?cs /if ?></p><?cs /if ?>
<p><a href="/office/surveys/<?cs var:Survey.id ?>/results"><?cs var:Lang.Surveys.Office.results ?></a> · <a href="/office/surveys/<?cs var:Survey.id ?>/followup"><?cs var:Lang.Surveys.Office.followup ?></a></p>
<?cs call:error_summary() ?>
<h2><?cs var:Lang.Surveys.Office.questions ?></h2>
<?cs if:subcount(Survey.questions) ?>
<ol class="summary-list">
<?cs each:q = Survey.questions ?>
  <li><?cs var:q.prompt ?> <span class="muted">(<?cs var:Lang.Surveys.Kind[q.kind] ?><?cs if:q.required ?> · <?cs var:Lang.Surveys.required ?><?cs /if ?>)</span>
  <?cs if:subcount(q.options) ?><br><span class="muted"><?cs each:o = q.options ?><?cs var:o.label ?><?cs if:!last(o) ?> / <?cs /if ?><?cs /each ?></span><?cs /if ?>
  <?cs if:Survey.status == "active" ?><form class="inline-form" method="post" action="/office/surveys/<?cs var:Survey.id ?>/questions/delete"><?cs call:csrf_field() ?><input type="hidden" name="question" value="<?cs var:q.id ?>"><button class="button button-secondary" type="submit"><?cs var:Lang.Surveys.Office.remove ?><span class="visually-hidden"> <?cs var:q.prompt ?></span></button></form><?cs /if ?></li>
<?cs /each ?>
</ol>
<?cs else ?><p><?cs var:Lang.Surveys.Office.no_questions ?></p><?cs /if ?>
<?cs if:Survey.status == "active" ?>
<h2><?cs var:Lang.Surveys.Office.add_question ?></h2>
<?cs if:Survey.responses > 0 ?><p class="muted"><?cs var:Lang.Surveys.Office.versioned_note ?></p><?cs /if ?>
<form class="form" method="post" action="/office/surveys/<?cs var:Survey.id ?>/questions" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:field_start("kind", Lang.Surveys.f_kind, "", Form.kind.error) ?>
    <select class="form-select" id="f-kind" name="kind"><?cs each:k = Lang.Surveys.Kind ?><option value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select>
  </div>
  <?cs call:text_field("prompt", "text", Lang.Surveys.f_prompt, "", Form.prompt, Form.prompt.error, 300, "off") ?>
  <?cs call:textarea_field("choices", Lang.Surveys.f_choices, Lang.Surveys.f_choices_hint, Form.choices, Form.choices.error, 4) ?>
  <div class="form-group"><div class="form-checkbox"><input id="f-required" name="required" type="checkbox" value="1" checked><label for="f-required"><?cs var:Lang.Surveys.f_required ?></label></div></div>
  <button class="button" type="submit"><?cs var:Lang.Surveys.Office.add_question ?></button>
</form>
<h2><?cs var:Lang.Surveys.Office.edit ?></h2>
<p class="muted"><?cs var:Lang.Surveys.Office.edit_hint ?></p>
<form class="form" method="post" action="/office/surveys/<?cs var:Survey.id ?>/edit" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.title.error || Form.opens_on.error || Form.closes_on.error ?><?cs set:e_title = Form.title ?><?cs set:e_opens = Form.opens_on ?><?cs set:e_closes = Form.closes_on ?><?cs else ?><?cs set:e_title = Survey.title ?><?cs set:e_opens = Survey.opens_on ?><?cs set:e_closes = Survey.closes_on ?><?cs /if ?>
  <?cs call:text_field("title", "text", Lang.Surveys.f_title, "", e_title, Form.title.error, 200, "off") ?>
  <?cs call:text_field("opens_on", "date", Lang.Surveys.f_opens_on, "", e_opens, Form.opens_on.error, 0, "off") ?>
  <?cs call:text_field("closes_on", "date", Lang.Surveys.f_closes_on, "", e_closes, Form.closes_on.error, 0, "off") ?>
  <div class="form-group"><div class="form-checkbox"><input id="f-is_public" name="is_public" type="checkbox" value="1"<?cs if:Survey.is_public == 1 ?> checked<?cs /if ?>><label for="f-is_public"><?cs var:Lang.Surveys.f_public ?></label></div></div>
  <button class="button" type="submit"><?cs var:Lang.Surveys.Office.save ?></button>
</form>
<h2><?cs var:Lang.Surveys.Office.batch ?></h2>
<p class="muted"><?cs var:Lang.Surveys.Office.batch_hint ?></p>
<form class="form" method="post" action="/office/surveys/<?cs var:Survey.id ?>/invitations" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("ward", "text", Lang.Surveys.f_ward, "", Form.ward, Form.ward.error, 60, "off") ?>
  <?cs call:text_field("count", "number", Lang.Surveys.f_count, "", Form.count, Form.count.error, 0, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Surveys.Office.batch_make ?></button>
</form>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
