<?cs set:Page.title = Lang.Vol.stars_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/volunteers/"><?cs var:Lang.Vol.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Vol.stars_title ?></h1>
<p class="lead"><?cs var:Lang.Vol.stars_lead ?></p>
<?cs if:subcount(Stars) ?>
<ul class="notice-list" id="stars">
<?cs each:s = Stars ?>
  <li class="notice-item"><h2><?cs var:s.name ?></h2><p><?cs var:s.citation ?></p>
  <p class="notice-meta"><?cs var:Lang.Vol.stars_since ?> <?cs var:s.since ?> · <?cs var:Lang.Vol.stars_hours ?> <?cs var:s.hours ?></p></li>
<?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Vol.stars_none ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
