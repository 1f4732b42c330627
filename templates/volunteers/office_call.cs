<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Vol.call_title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Vol.call_title ?></h1>
<?cs include:"volunteers/office_nav.cs" ?>
<?cs if:Done ?><div class="notification-banner notification-success" role="status" id="done"><?cs var:Lang.Vol.saved ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/volunteers/call" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("title", "text", Lang.Vol.c_title, "", Form.title, Form.title.error, 100, "off") ?>
  <div class="form-group"><div class="form-checkbox"><input id="f-is_open" name="is_open" type="checkbox" value="1"<?cs if:Form.is_open == 1 ?> checked<?cs /if ?>><label for="f-is_open"><?cs var:Lang.Vol.c_open ?></label></div></div>
  <?cs call:text_field("deadline", "date", Lang.Vol.c_deadline, "", Form.deadline, Form.deadline.error, 0, "off") ?>
  <?cs call:textarea_field("services", Lang.Vol.c_services, "", Form.services, Form.services.error, 6) ?>
  <?cs call:textarea_field("eligibility", Lang.Vol.c_eligibility, "", Form.eligibility, Form.eligibility.error, 5) ?>
  <?cs call:textarea_field("how_to_apply", Lang.Vol.c_how, "", Form.how_to_apply, Form.how_to_apply.error, 4) ?>
  <?cs call:textarea_field("commitment", Lang.Vol.c_commitment, "", Form.commitment, Form.commitment.error, 8) ?>
  <button class="button" type="submit"><?cs var:Lang.Vol.c_save ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
