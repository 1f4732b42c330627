<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Office.home ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Office.home ?></h1>
<p><?cs var:Lang.Office.logged_in_as ?><?cs var:User.display_name ?>(<?cs var:User.username ?>)
<?cs each:role = User.role ?><span class="tag"><?cs var:Lang.Office.Roles[name(role)] ?></span> <?cs /each ?></p>
<?cs if:User.role.desk || User.role.admin ?>
<ul class="service-grid">
  <li><a class="service-card" href="/office/desk"><span class="service-name"><?cs var:Lang.Desk.title ?></span><span class="service-desc"><?cs var:Lang.Desk.lead ?></span></a></li>
</ul>
<?cs /if ?>
<?cs if:User.role.office || User.role.admin ?>
<ul class="service-grid">
  <li><a class="service-card" href="/office/sessions"><span class="service-name"><?cs var:Lang.Stop.title ?></span><span class="service-desc"><?cs var:Lang.Stop.lead ?></span></a></li>
  <li><a class="service-card" href="/office/notices/"><span class="service-name"><?cs var:Lang.Notice.manage ?></span><span class="service-desc"><?cs var:Lang.Notice.new ?></span></a></li>
  <li><a class="service-card" href="/office/booking-rules"><span class="service-name"><?cs var:Lang.Rules.title ?></span><span class="service-desc"><?cs var:Lang.Rules.lead ?></span></a></li>
  <li><a class="service-card" href="/office/calendar"><span class="service-name"><?cs var:Lang.Calendar.title ?></span><span class="service-desc"><?cs var:Lang.Calendar.short ?></span></a></li>
  <li><a class="service-card" href="/office/symptoms"><span class="service-name"><?cs var:Lang.Triage.office_title ?></span><span class="service-desc"><?cs var:Lang.Triage.office_short ?></span></a></li>
  <li><a class="service-card" href="/office/audit"><span class="service-name"><?cs var:Lang.Office.audit ?></span><span class="service-desc"><?cs var:Lang.Office.audit_lead ?></span></a></li>
</ul>
<?cs /if ?>
<?cs if:User.role.volunteer || User.role.admin ?>
<ul class="service-grid">
  <li><a class="service-card" href="/office/volunteers/"><span class="service-name"><?cs var:Lang.Vol.office_title ?></span><span class="service-desc"><?cs var:Lang.Vol.office_lead ?></span></a></li>
</ul>
<?cs /if ?>
<?cs if:User.role.lab || User.role.admin ?>
<ul class="service-grid">
  <li><a class="service-card" href="/office/lab/"><span class="service-name"><?cs var:Lang.Lab.title ?></span><span class="service-desc"><?cs var:Lang.Lab.home_lead ?></span></a></li>
</ul>
<?cs /if ?>
<?cs if:!User.role.office && !User.role.admin && !User.role.desk && !User.role.volunteer && !User.role.lab ?>
<p><?cs var:Lang.Office.no_functions ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
