<?cs set:Page.office = 1 ?><?cs set:Page.title = Complaint.no ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Complaints.Office.Done[Done] ?></div><?cs /if ?>
<?cs if:Refused ?><div class="error-summary" role="alert"><p class="error-summary-title"><?cs var:Lang.Complaints.Office.Refused[Refused] ?></p></div><?cs /if ?>
<h1 class="page-title"><?cs var:Lang.Complaints.Kind[Complaint.kind] ?> <?cs var:Complaint.no ?></h1>
<?cs call:error_summary() ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Complaints.steps ?></dt><dd id="status"><?cs var:Lang.Complaints.Status[Complaint.status] ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.Office.received_at ?></dt><dd><?cs var:Complaint.received_at ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.Office.ack_due ?></dt><dd><?cs var:Complaint.ack_due ?><?cs if:Complaint.ack_overdue == 1 ?> <span class="overdue"><?cs var:Lang.Complaints.Office.ack_overdue ?></span><?cs /if ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.Office.answer_due ?></dt><dd><?cs var:Complaint.answer_due ?><?cs if:Complaint.answer_overdue == 1 ?> <span class="overdue"><?cs var:Lang.Complaints.Office.answer_overdue ?></span><?cs /if ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.f_department ?></dt><dd><?cs var:Complaint.department ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.f_staff ?></dt><dd><?cs var:Complaint.staff_name ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.f_when ?></dt><dd><?cs var:Complaint.happened_on ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.Office.contact ?></dt><dd><?cs if:Complaint.anonymous == 1 ?><?cs var:Lang.Complaints.anonymous_shown ?><?cs else ?><?cs var:Complaint.contact_name ?><?cs /if ?></dd></div>
</dl>
<p class="notice-body"><?cs var:Complaint.what ?></p>
<?cs if:Complaint.reply ?><h2><?cs var:Lang.Complaints.reply ?></h2><p class="notice-body"><?cs var:Complaint.reply ?></p><?cs /if ?>
<?cs if:Complaint.status == "received" || Complaint.status == "assigned" ?>
<form class="form" method="post" action="/office/complaints/<?cs var:Complaint.id ?>/assign" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:field_start("department", Lang.Complaints.f_assign, "", Form.department.error) ?>
    <select class="form-select" id="f-department" name="department"><?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Form.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?></select>
  </div>
  <button class="button" type="submit"><?cs var:Lang.Complaints.Office.assign ?></button>
</form>
<?cs /if ?>
<?cs if:Complaint.status == "assigned" ?>
<form class="form" method="post" action="/office/complaints/<?cs var:Complaint.id ?>/reply" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:textarea_field("reply", Lang.Complaints.f_reply, "", Form.reply, Form.reply.error, 6) ?>
  <button class="button" type="submit"><?cs var:Lang.Complaints.Office.reply ?></button>
</form>
<?cs /if ?>
<?cs if:Complaint.status == "replied" ?>
<form class="form" method="post" action="/office/complaints/<?cs var:Complaint.id ?>/close"><?cs call:csrf_field() ?><button class="button" type="submit"><?cs var:Lang.Complaints.Office.close ?></button></form>
<?cs /if ?>
<h2><?cs var:Lang.Complaints.steps ?></h2>
<ol id="steps"><?cs each:s = Steps ?><li><?cs var:s.at ?> <?cs var:Lang.Complaints.Step[s.step] ?><?cs if:s.who ?> · <?cs var:s.who ?><?cs /if ?></li><?cs /each ?></ol>
<p><a href="/office/complaints/"><?cs var:Lang.Complaints.Office.list ?></a></p>
<?cs include:"layout/footer.cs" ?>
