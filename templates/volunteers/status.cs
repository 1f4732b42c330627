<?cs set:Page.title = Lang.Vol.status_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/volunteers/"><?cs var:Lang.Vol.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Vol.status_title ?></h1>
<?cs if:New ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Vol.submitted_ok ?></div><?cs /if ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Vol.no ?></dt><dd class="booking-no" id="application-no"><?cs var:Application.no ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_name ?></dt><dd><?cs var:Application.name ?></dd></div>
  <div><dt><?cs var:Lang.Vol.f_sex ?></dt><dd id="application-sex"><?cs var:Lang.Vol.Sex[Application.sex] ?></dd></div>
  <div><dt><?cs var:Lang.Vol.applied_at ?></dt><dd><?cs var:Application.created_at ?></dd></div>
  <div><dt><?cs var:Lang.Vol.current_step ?></dt><dd id="application-status"><?cs var:Lang.Vol.State[Application.status] ?></dd></div>
  <?cs if:Application.exam_score ?><div><dt><?cs var:Lang.Vol.exam_score ?></dt><dd><?cs var:Application.exam_score ?></dd></div><?cs /if ?>
  <?cs if:Application.reason ?><div><dt><?cs var:Lang.Vol.reason ?></dt><dd><?cs var:Application.reason ?></dd></div><?cs /if ?>
  <?cs if:Application.active_since ?><div><dt><?cs var:Lang.Vol.active_since ?></dt><dd><?cs var:Application.active_since ?></dd></div><?cs /if ?>
</dl>
<h2><?cs var:Lang.Vol.next_appointment ?></h2>
<p id="next-step"><?cs if:Application.status == "submitted" ?><?cs var:Lang.Vol.waiting_interview ?><?cs
  elif:Application.status == "interview" ?><?cs var:Text.interview ?><?cs
  elif:Application.status == "training" ?><?cs var:Lang.Vol.waiting_training ?><?cs
  elif:Application.status == "exam" ?><?cs var:Lang.Vol.waiting_exam ?><?cs
  elif:Application.status == "active" ?><?cs var:Lang.Vol.welcome_active ?><?cs
  else ?>—<?cs /if ?></p>
<ol class="steps">
  <?cs each:s = Lang.Vol.Steps ?><li<?cs if:name(s) == Application.status ?> aria-current="step"<?cs /if ?>><?cs if:name(s) == Application.status ?><strong><?cs var:s ?></strong><?cs else ?><?cs var:s ?><?cs /if ?></li><?cs /each ?>
</ol>
<?cs include:"layout/footer.cs" ?>
