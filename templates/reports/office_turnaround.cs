<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Lab.turnaround ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Lab.turnaround ?></h1>
<p class="lead"><?cs var:Lang.Lab.turnaround_lead ?></p>
<p><a href="/office/lab/"><?cs var:Lang.Lab.title ?></a> · <a href="/reports/turnaround"><?cs var:Lang.Reports.turnaround_title ?></a></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Lab.saved ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<?cs each:t = Turnaround ?>
<form class="form turnaround-form" method="post" action="/office/lab/turnaround" novalidate id="tat-<?cs var:t.panel_code ?>">
  <h2><?cs var:t.panel_name ?>(<?cs var:t.panel_code ?>)</h2>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="code" value="<?cs var:t.panel_code ?>">
  <?cs if:Form.code == t.panel_code ?>
  <?cs call:text_field_as("minutes-" + t.panel_code, "minutes", "number", Lang.Lab.minutes, "", Form.minutes, Form.minutes.error, 5, "off") ?>
  <?cs call:text_field_as("note-" + t.panel_code, "note", "text", Lang.Lab.note, "", Form.note, Form.note.error, 128, "off") ?>
  <?cs else ?>
  <?cs call:text_field_as("minutes-" + t.panel_code, "minutes", "number", Lang.Lab.minutes, "", t.minutes, "", 5, "off") ?>
  <?cs call:text_field_as("note-" + t.panel_code, "note", "text", Lang.Lab.note, "", t.note, "", 128, "off") ?>
  <?cs /if ?>
  <button class="button" type="submit"><?cs var:Lang.Lab.save ?></button>
</form>
<?cs /each ?>
<?cs include:"layout/footer.cs" ?>
