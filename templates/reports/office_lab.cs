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
<form class="form" method="post" action="/office/lab/upload" enctype="multipart/form-data" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:textarea_field("message", Lang.Lab.message, Lang.Lab.message_hint, Form.message, Form.message.error, 8) ?>
  <div class="form-group">
    <label class="form-label" for="f-file"><?cs var:Lang.Lab.file ?></label>
    <span class="form-hint" id="f-file-hint"><?cs var:Lang.Lab.file_hint ?></span>
    <input class="form-input" id="f-file" name="file" type="file" accept=".hl7,.txt,.oru,text/plain" aria-describedby="f-file-hint">
  </div>
  <button class="button" type="submit"><?cs var:Lang.Lab.submit ?></button>
</form>
<link rel="stylesheet" href="/static/css/reports.css">
<h2><?cs var:Lang.Lab.imports ?></h2>
<?cs if:subcount(Imports) ?>
<ul class="lab-log" id="imports">
  <?cs each:i = Imports ?><li><span class="muted"><?cs var:i.at ?> · <?cs var:Lang.Lab.Source[i.source] ?></span> <span class="lab-log-what"><?cs var:i.sending_app ?> <?cs var:i.control_id ?> → <?cs var:i.barcode ?>,<?cs var:i.items ?> <?cs var:Lang.Lab.items ?></span></li><?cs /each ?>
</ul>
<?cs else ?><p><?cs var:Lang.Lab.none ?></p><?cs /if ?>
<h2><?cs var:Lang.Lab.refusals ?></h2>
<?cs if:subcount(Refusals) ?>
<ul class="lab-log" id="refusals">
  <?cs each:i = Refusals ?><li><span class="muted"><?cs var:i.at ?> · <?cs var:Lang.Lab.Source[i.source] ?> · <?cs var:i.control_id ?></span> <span class="lab-log-what"><?cs var:i.error ?></span></li><?cs /each ?>
</ul>
<?cs else ?><p><?cs var:Lang.Lab.none ?></p><?cs /if ?>
<?cs include:"layout/footer.cs" ?>
