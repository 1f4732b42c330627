<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Surveys.Results.title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Survey.title ?> · <?cs var:Lang.Surveys.Results.title ?></h1>
<form class="form" method="get" action="/office/surveys/<?cs var:Survey.id ?>/results">
  <div class="form-group"><label class="form-label" for="f-department"><?cs var:Lang.Surveys.department ?></label>
    <select class="form-select" id="f-department" name="department"><option value="0"><?cs var:Lang.Surveys.Results.all_departments ?></option><?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Filter.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?></select></div>
  <div class="form-group"><label class="form-label" for="f-channel"><?cs var:Lang.Surveys.Results.channel ?></label>
    <select class="form-select" id="f-channel" name="channel"><?cs each:c = Lang.Surveys.Channel ?><?cs if:name(c) == "self" || name(c) == "phone" || name(c) == "all" ?><option value="<?cs name:c ?>"<?cs if:Filter.channel == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /if ?><?cs /each ?></select></div>
  <div class="form-group"><label class="form-label" for="f-from"><?cs var:Lang.Surveys.Results.from ?></label><input class="form-input form-input-short" id="f-from" name="from" type="month" value="<?cs var:Filter.from ?>"></div>
  <div class="form-group"><label class="form-label" for="f-to"><?cs var:Lang.Surveys.Results.to ?></label><input class="form-input form-input-short" id="f-to" name="to" type="month" value="<?cs var:Filter.to ?>"></div>
  <button class="button" type="submit"><?cs var:Lang.Surveys.Results.apply ?></button>
</form>
<dl class="summary-list" id="results-summary">
  <div><dt><?cs var:Lang.Surveys.Results.responses ?></dt><dd id="responses-total"><?cs var:Results.all.responses ?></dd></div>
  <?cs each:c = Results.channels ?><div><dt><?cs var:Lang.Surveys.Channel[c.channel] ?></dt><dd id="responses-<?cs var:c.channel ?>"><?cs var:c.n ?></dd></div><?cs /each ?>
  <div><dt><?cs var:Lang.Surveys.Results.overall ?></dt><dd id="overall-rate"><?cs var:Results.all.rate ?></dd></div>
  <div><dt><?cs var:Lang.Surveys.Results.mean ?></dt><dd id="overall-mean"><?cs var:Results.all.mean ?></dd></div>
</dl>
<p class="muted"><?cs var:Lang.Surveys.Results.rate_note ?></p>
<p><a href="/office/surveys/<?cs var:Survey.id ?>/results.csv?department=<?cs var:Filter.department ?>&amp;channel=<?cs var:Filter.channel ?>&amp;from=<?cs var:Filter.from ?>&amp;to=<?cs var:Filter.to ?>"><?cs var:Lang.Surveys.Results.csv ?></a></p>

<h2 id="trend-title"><?cs var:Lang.Surveys.Results.trend ?> <?cs var:Filter.from ?> – <?cs var:Filter.to ?></h2>
<p class="muted" id="trend-desc"><?cs var:Lang.Surveys.Results.trend_desc ?></p>
<?cs uvar:Raw.trend_svg ?>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="trend-title">
<table class="data-table" id="trend-table">
  <thead><tr><th scope="col"><?cs var:Lang.Surveys.Results.month ?></th><th scope="col"><?cs var:Lang.Surveys.Results.responses ?></th><th scope="col"><?cs var:Lang.Surveys.Results.rate ?></th><th scope="col"><?cs var:Lang.Surveys.Results.mean ?></th></tr></thead>
  <tbody><?cs each:m = Results.months ?><tr><th scope="row"><?cs var:m.month ?></th><td><?cs var:m.responses ?></td><td><?cs var:m.rate ?></td><td><?cs var:m.mean ?></td></tr><?cs /each ?></tbody>
</table>
</div>

<h2 id="per-question"><?cs var:Lang.Surveys.Results.per_question ?></h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="per-question">
<table class="data-table" id="question-table">
  <thead><tr><th scope="col"><?cs var:Lang.Surveys.Results.question ?></th><th scope="col"><?cs var:Lang.Surveys.Results.ratings ?></th><th scope="col"><?cs var:Lang.Surveys.Results.rate ?></th><th scope="col"><?cs var:Lang.Surveys.Results.mean ?></th></tr></thead>
  <tbody><?cs each:q = Results.questions ?><tr><th scope="row"><?cs var:q.prompt ?></th><td><?cs var:q.n ?></td><td><?cs var:q.rate ?></td><td><?cs var:q.mean ?></td></tr><?cs /each ?></tbody>
</table>
</div>

<h2 id="per-department"><?cs var:Lang.Surveys.Results.per_department ?></h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="per-department">
<table class="data-table" id="department-table">
  <thead><tr><th scope="col"><?cs var:Lang.Surveys.department ?></th><th scope="col"><?cs var:Lang.Surveys.Results.responses ?></th><th scope="col"><?cs var:Lang.Surveys.Results.rate ?></th><th scope="col"><?cs var:Lang.Surveys.Results.mean ?></th></tr></thead>
  <tbody><?cs each:d = Results.departments ?><tr><th scope="row"><?cs if:d.name ?><?cs var:d.name ?><?cs else ?><?cs var:Lang.Surveys.no_department ?><?cs /if ?></th><td><?cs var:d.responses ?></td><td><?cs var:d.rate ?></td><td><?cs var:d.mean ?></td></tr><?cs /each ?></tbody>
</table>
</div>

<?cs if:subcount(Results.choices) ?>
<h2><?cs var:Lang.Surveys.Results.choices ?></h2>
<?cs each:q = Survey.questions ?><?cs if:q.kind == "single" || q.kind == "multiple" ?>
<h3><?cs var:q.prompt ?></h3>
<ul><?cs each:o = q.options ?><li><?cs var:o.label ?>:<?cs set:cnt = 0 ?><?cs each:c = Results.choices ?><?cs if:c.q == q.id && c.choice == o.n ?><?cs set:cnt = c.n ?><?cs /if ?><?cs /each ?><?cs var:cnt ?> <?cs var:Lang.Surveys.Results.times ?></li><?cs /each ?></ul>
<?cs /if ?><?cs /each ?>
<?cs /if ?>

<h2 id="texts"><?cs var:Lang.Surveys.Results.texts ?></h2>
<form class="form" method="get" action="/office/surveys/<?cs var:Survey.id ?>/results#texts" role="search">
  <input type="hidden" name="department" value="<?cs var:Filter.department ?>"><input type="hidden" name="channel" value="<?cs var:Filter.channel ?>">
  <input type="hidden" name="from" value="<?cs var:Filter.from ?>"><input type="hidden" name="to" value="<?cs var:Filter.to ?>">
  <div class="form-group"><label class="form-label" for="f-q"><?cs var:Lang.Surveys.Results.search ?></label><input class="form-input" id="f-q" name="q" type="search" maxlength="50" value="<?cs var:Filter.q ?>"></div>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Surveys.Results.search_submit ?></button>
</form>
<?cs if:subcount(Texts) ?>
<ul class="notice-list" id="text-answers">
<?cs each:t = Texts ?><li class="notice-item"><span class="notice-body"><?cs var:t.text ?></span><span class="notice-date"><?cs var:t.day ?> · <?cs var:t.prompt ?><?cs if:t.department ?> · <?cs var:t.department ?><?cs /if ?> · <?cs var:Lang.Surveys.Channel[t.channel] ?></span></li><?cs /each ?>
</ul>
<?cs else ?><p><?cs var:Lang.Surveys.Results.no_texts ?></p><?cs /if ?>
<?cs include:"layout/footer.cs" ?>
