<?cs set:Page.title = Lang.Surveys.title ?><?cs set:Page.section = "surveys" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Surveys.title ?></h1>
<p class="lead"><?cs var:Lang.Surveys.lead ?></p>
<?cs if:subcount(Surveys) ?>
<ul class="notice-list">
  <?cs each:s = Surveys ?>
  <li class="notice-item"><a class="notice-link" href="/surveys/<?cs var:s.id ?>"><?cs var:s.title ?></a>
    <span class="notice-date"><?cs var:Lang.Surveys.Audience[s.audience] ?> · <?cs var:Lang.Surveys.closes ?> <?cs var:s.closes_on ?></span></li>
  <?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Surveys.none_open ?></p>
<?cs /if ?>
<p><a href="/complaints/"><?cs var:Lang.Complaints.title ?></a></p>
<?cs include:"layout/footer.cs" ?>
