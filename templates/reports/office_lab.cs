<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Lab.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Lab.title ?></h1>
<p class="lead"><?cs var:Lang.Lab.lead ?></p>
<p><a href="/office/lab/turnaround"><?cs var:Lang.Lab.turnaround ?></a></p>
<?cs if:subcount(Results) ?>
<section aria-labelledby="results-title" id="upload-results">
  <h2 id="results-title"><?cs var:Lang.Lab.results ?></h2>
  <ul>
  <?cs each:res = Results ?><li class="upload-<?cs var:res.state ?>"><strong><?cs var:Lang.Lab.State[res.state] ?></strong>:<code><?cs var:res.line ?></code></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
<?cs call:error_summary() ?>
<h2><?cs var:Lang.Lab.upload ?></h2>
<form class="form" method="post" action="/office/lab/upload" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:textarea_field("message", Lang.Lab.message, Lang.Lab.message_hint, Form.message, Form.message.error, 8) ?>
  <button class="button" type="submit"><?cs var:Lang.Lab.submit ?></button>
</form>
<h2><?cs var:Lang.Lab.imports ?></h2>
<?cs if:subcount(Imports) ?>
<div class="table-wrap"><table class="data-table" id="imports">
  <thead><tr><th scope="col"><?cs var:Lang.Lab.when ?></th><th scope="col"><?cs var:Lang.Lab.control_id ?></th><th scope="col"><?cs var:Lang.Lab.barcode ?></th><th scope="col"><?cs var:Lang.Lab.items ?></th><th scope="col"><?cs var:Lang.Lab.source ?></th></tr></thead>
  <tbody><?cs each:i = Imports ?><tr><td><?cs var:i.at ?></td><td><?cs var:i.sending_app ?> <?cs var:i.control_id ?></td><td><?cs var:i.barcode ?></td><td><?cs var:i.items ?></td><td><?cs var:Lang.Lab.Source[i.source] ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p><?cs var:Lang.Lab.none ?></p><?cs /if ?>
<h2><?cs var:Lang.Lab.refusals ?></h2>
<?cs if:subcount(Refusals) ?>
<div class="table-wrap"><table class="data-table" id="refusals">
  <thead><tr><th scope="col"><?cs var:Lang.Lab.when ?></th><th scope="col"><?cs var:Lang.Lab.control_id ?></th><th scope="col"><?cs var:Lang.Lab.error ?></th><th scope="col"><?cs var:Lang.Lab.source ?></th></tr></thead>
  <tbody><?cs each:i = Refusals ?><tr><td><?cs var:i.at ?></td><td><?cs var:i.control_id ?></td><td><?cs var:i.error ?></td><td><?cs var:Lang.Lab.Source[i.source] ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p><?cs var:Lang.Lab.none ?></p><?cs /if ?>
<?cs include:"layout/footer.cs" ?>
