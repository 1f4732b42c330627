<?cs set:Page.title = Lang.Complaints.title ?><?cs set:Page.section = "complaints" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Complaints.title ?></h1>
<p class="lead"><?cs var:Lang.Complaints.lead ?></p>
<p><a href="/complaints/status"><?cs var:Lang.Complaints.check_status ?></a> · <a href="/complaints/stars"><?cs var:Lang.Complaints.stars_title ?></a></p>
<?cs if:RefusalText ?><div class="error-summary" role="alert"><p class="error-summary-title"><?cs var:RefusalText ?></p></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/complaints/" novalidate>
  <?cs call:csrf_field() ?>
  <fieldset class="form-group<?cs if:Form.kind.error ?> form-group-error<?cs /if ?>">
    <legend><?cs var:Lang.Complaints.f_kind ?></legend>
    <?cs if:Form.kind.error ?><p class="form-error-message" id="f-kind-error"><?cs var:Form.kind.error ?></p><?cs /if ?>
    <?cs each:k = Lang.Complaints.Kind ?>
    <div class="form-radio"><input type="radio" id="f-kind<?cs if:name(k) != "complaint" ?>-<?cs name:k ?><?cs /if ?>" name="kind" value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> checked<?cs /if ?>><label for="f-kind<?cs if:name(k) != "complaint" ?>-<?cs name:k ?><?cs /if ?>"><?cs var:k ?></label></div>
    <?cs /each ?>
  </fieldset>
  <?cs call:field_start("department", Lang.Complaints.f_department, Lang.Complaints.f_department_hint, Form.department.error) ?>
    <select class="form-select" id="f-department" name="department" aria-describedby="f-department-hint<?cs if:Form.department.error ?> f-department-error<?cs /if ?>"><option value=""><?cs var:Lang.Complaints.f_department_none ?></option><?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Form.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?></select>
  </div>
  <?cs call:text_field("staff_name", "text", Lang.Complaints.f_staff, Lang.Complaints.f_staff_hint, Form.staff_name, Form.staff_name.error, 40, "off") ?>
  <?cs call:textarea_field("what", Lang.Complaints.f_what, Lang.Complaints.f_what_hint, Form.what, Form.what.error, 6) ?>
  <?cs call:text_field("happened_on", "date", Lang.Complaints.f_when, Lang.Complaints.f_when_hint, Form.happened_on, Form.happened_on.error, 0, "off") ?>
  <?cs call:text_field("contact_name", "text", Lang.Complaints.f_name, Lang.Complaints.f_name_hint, Form.contact_name, Form.contact_name.error, 40, "name") ?>
  <?cs call:text_field("mobile", "tel", Lang.Complaints.f_mobile, Lang.Complaints.f_mobile_hint, Form.mobile, Form.mobile.error, 11, "tel-national") ?>
  <div class="form-group"><div class="form-checkbox"><input id="f-anonymous" name="anonymous" type="checkbox" value="1"<?cs if:Form.anonymous ?> checked<?cs /if ?>><label for="f-anonymous"><?cs var:Lang.Complaints.f_anonymous ?></label></div></div>
  <button class="button" type="submit"><?cs var:Lang.Complaints.submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
