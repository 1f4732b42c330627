<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Surveys.Office.new ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Surveys.Office.new ?></h1>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/surveys/new" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("title", "text", Lang.Surveys.f_title, "", Form.title, Form.title.error, 200, "off") ?>
  <?cs call:field_start("audience", Lang.Surveys.f_audience, "", Form.audience.error) ?>
    <select class="form-select" id="f-audience" name="audience"><?cs each:a = Lang.Surveys.Audience ?><option value="<?cs name:a ?>"<?cs if:Form.audience == name(a) ?> selected<?cs /if ?>><?cs var:a ?></option><?cs /each ?></select>
  </div>
  <?cs call:field_start("department", Lang.Surveys.f_department, "", Form.department.error) ?>
    <select class="form-select" id="f-department" name="department"<?cs if:Form.department.error ?> aria-invalid="true" aria-describedby="f-department-error"<?cs /if ?>><option value=""><?cs var:Lang.Surveys.department_none ?></option><?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Form.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?></select>
  </div>
  <?cs call:text_field("opens_on", "date", Lang.Surveys.f_opens_on, "", Form.opens_on, Form.opens_on.error, 0, "off") ?>
  <?cs call:text_field("closes_on", "date", Lang.Surveys.f_closes_on, "", Form.closes_on, Form.closes_on.error, 0, "off") ?>
  <div class="form-group"><div class="form-checkbox"><input id="f-is_public" name="is_public" type="checkbox" value="1"<?cs if:Form.is_public ?> checked<?cs /if ?>><label for="f-is_public"><?cs var:Lang.Surveys.f_public ?></label></div></div>
  <button class="button" type="submit"><?cs var:Lang.Surveys.Office.create ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
