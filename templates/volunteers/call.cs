<?cs set:Page.title = Lang.Vol.title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Call.title ?></h1>
<p class="lead"><?cs var:Lang.Vol.lead ?></p>
<?cs if:Call.accepting == 1 ?>
<p class="notification-banner notification-success" id="call-state"><?cs var:Lang.Vol.open ?> · <?cs var:Lang.Vol.deadline ?>:<?cs if:Call.deadline ?><?cs var:Call.deadline ?><?cs else ?><?cs var:Lang.Vol.no_deadline ?><?cs /if ?></p>
<?cs else ?>
<p class="notification-banner" id="call-state"><?cs var:Lang.Vol.closed ?></p>
<?cs /if ?>
<h2><?cs var:Lang.Vol.services ?></h2>
<div class="notice-body"><?cs var:Call.services ?></div>
<h2><?cs var:Lang.Vol.eligibility ?></h2>
<div class="notice-body"><?cs var:Call.eligibility ?></div>
<h2><?cs var:Lang.Vol.how_to_apply ?></h2>
<div class="notice-body"><?cs var:Call.how_to_apply ?></div>
<div class="action-bar">
  <?cs if:Call.accepting == 1 ?><a class="button" href="/volunteers/apply"><?cs var:Lang.Vol.apply ?></a><?cs /if ?>
  <a href="/volunteers/status"><?cs var:Lang.Vol.check_status ?></a>
  <a href="/volunteers/stars"><?cs var:Lang.Vol.stars_link ?></a>
</div>
<?cs include:"layout/footer.cs" ?>
