<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Surveys.Office.batch_title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Survey.title ?> · <?cs var:Batch.ward ?></h1>
<p class="muted"><?cs var:Lang.Surveys.Office.batch_hint ?></p>
<ul class="qr-sheet">
<?cs each:c = Cards ?>
  <li><?cs uvar:Raw.cards[name(c)].svg ?><p><?cs var:Lang.Surveys.qr_label ?><br><?cs var:Batch.ward ?></p></li>
<?cs /each ?>
</ul>
<p><a href="/office/surveys/<?cs var:Survey.id ?>"><?cs var:Survey.title ?></a></p>
<?cs include:"layout/footer.cs" ?>
