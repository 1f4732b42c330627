<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Triage.office_title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Triage.office_title ?></h1>
<p class="lead"><?cs var:Lang.Triage.office_lead ?></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Triage.Done[Done] ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/symptoms" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("symptom", "text", Lang.Triage.symptom, Lang.Triage.symptom_hint, Form.symptom, Form.symptom.error, 32, "off") ?>
  <?cs call:field_start("department_id", Lang.Triage.department, "", Form.department_id.error) ?>
    <select class="form-select" id="f-department_id" name="department_id">
      <option value=""><?cs var:Lang.Triage.choose ?></option>
      <?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Form.department_id == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?>
    </select>
  </div>
  <div class="form-group"><div class="form-checkbox">
    <input id="f-emergency" name="emergency" type="checkbox" value="1"<?cs if:Form.emergency ?> checked<?cs /if ?>>
    <label for="f-emergency"><?cs var:Lang.Triage.emergency ?></label>
  </div></div>
  <button class="button" type="submit"><?cs var:Lang.Triage.add ?></button>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Triage.office_title ?>">
<table class="data-table" id="symptom-table">
  <thead><tr><th scope="col"><?cs var:Lang.Triage.symptom ?></th><th scope="col"><?cs var:Lang.Triage.department ?></th><th scope="col"><?cs var:Lang.Triage.emergency_short ?></th><th scope="col"><?cs var:Lang.Triage.actions ?></th></tr></thead>
  <tbody>
  <?cs each:s = Symptoms ?>
  <tr><td><?cs var:s.symptom ?></td><td><?cs var:s.department ?></td><td><?cs if:s.emergency == 1 ?><?cs var:Lang.Triage.yes ?><?cs /if ?></td>
    <td><form class="inline-form" method="post" action="/office/symptoms/<?cs var:s.id ?>/delete"><?cs call:csrf_field() ?><button class="button button-warning" type="submit" aria-label="<?cs var:Lang.Triage.delete ?> <?cs var:s.symptom ?> <?cs var:s.department ?>"><?cs var:Lang.Triage.delete ?></button></form></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs include:"layout/footer.cs" ?>
