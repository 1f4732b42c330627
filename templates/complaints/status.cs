<?cs set:Page.title = Lang.Complaints.status_title ?><?cs set:Page.section = "complaints" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Complaints.status_title ?></h1>
<?cs if:Complaint.no ?>
<dl class="summary-list" id="complaint-status">
  <div><dt><?cs var:Lang.Complaints.tracking_no ?></dt><dd><?cs var:Complaint.no ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.f_kind ?></dt><dd><?cs var:Lang.Complaints.Kind[Complaint.kind] ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.Office.received_at ?></dt><dd><?cs var:Complaint.received_at ?></dd></div>
  <div><dt><?cs var:Lang.Complaints.state ?></dt><dd><strong><?cs var:Lang.Complaints.Status[Complaint.status] ?></strong><?cs if:Complaint.department ?> · <?cs var:Complaint.department ?><?cs /if ?></dd></div>
</dl>
<h2><?cs var:Lang.Complaints.steps ?></h2>
<ol><?cs each:s = Steps ?><li><?cs var:s.at ?> <?cs var:Lang.Complaints.Step[s.step] ?></li><?cs /each ?></ol>
<h2><?cs var:Lang.Complaints.reply ?></h2>
<?cs if:Complaint.reply ?><p class="notice-body" id="complaint-reply"><?cs var:Complaint.reply ?></p>
<?cs else ?><p><?cs var:Lang.Complaints.no_reply ?> <?cs var:Complaint.answer_due ?></p><?cs /if ?>
<?cs else ?>
<p class="lead"><?cs var:Lang.Complaints.status_lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/complaints/status" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("no", "text", Lang.Complaints.f_no, "", Form.no, Form.no.error, 10, "off") ?>
  <?cs call:text_field("mobile", "tel", Lang.Complaints.f_mobile, "", Form.mobile, Form.mobile.error, 11, "tel-national") ?>
  <button class="button" type="submit"><?cs var:Lang.Complaints.status_submit ?></button>
</form>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
