<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Surveys.Office.list ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Surveys.Office.list ?></h1>
<p><a class="button" href="/office/surveys/new"><?cs var:Lang.Surveys.Office.new ?></a> <a href="/office/complaints/"><?cs var:Lang.Complaints.Office.list ?></a></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Surveys.Office.list ?>">
<table class="data-table">
  <thead><tr><th scope="col"><?cs var:Lang.Surveys.f_title ?></th><th scope="col"><?cs var:Lang.Surveys.f_audience ?></th><th scope="col"><?cs var:Lang.Surveys.f_opens_on ?>–<?cs var:Lang.Surveys.f_closes_on ?></th><th scope="col"><?cs var:Lang.Surveys.Office.responses ?></th></tr></thead>
  <tbody>
  <?cs each:s = Surveys ?>
  <tr><td><a href="/office/surveys/<?cs var:s.id ?>"><?cs var:s.title ?></a> <span class="muted">v<?cs var:s.version ?></span></td>
    <td><?cs var:Lang.Surveys.Audience[s.audience] ?><?cs if:s.department ?> · <?cs var:s.department ?><?cs /if ?></td>
    <td><?cs var:s.opens_on ?> – <?cs var:s.closes_on ?> <span class="tag"><?cs var:Lang.Surveys.State[s.state] ?></span></td>
    <td><a href="/office/surveys/<?cs var:s.id ?>/results"><?cs var:s.responses ?></a></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs include:"layout/footer.cs" ?>
