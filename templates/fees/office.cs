<?cs set:Page.office = 1 ?><?cs set:Page.css = "fees" ?><?cs set:Page.title = Lang.Fees.office_title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Fees.office_title ?></h1>
<p class="lead"><?cs var:Lang.Fees.office_lead ?></p>
<?cs call:error_summary() ?>
<?cs if:Report.mode ?>
<div class="notification-banner<?cs if:Report.mode == "applied" ?> notification-success<?cs /if ?>" role="status" id="report">
  <h2><?cs if:Report.mode == "applied" ?><?cs var:Lang.Fees.report_applied ?><?cs else ?><?cs var:Lang.Fees.report_dry_run ?><?cs /if ?></h2>
  <dl class="summary-list">
    <div><dt><?cs var:Lang.Fees.rows_total ?></dt><dd><?cs var:Report.rows ?></dd></div>
    <div><dt><?cs var:Lang.Fees.added ?></dt><dd class="count-added"><?cs var:Report.added ?></dd></div>
    <div><dt><?cs var:Lang.Fees.changed ?></dt><dd class="count-changed"><?cs var:Report.changed ?></dd></div>
    <div><dt><?cs var:Lang.Fees.ended_items ?></dt><dd class="count-ended"><?cs var:Report.ended ?></dd></div>
    <div><dt><?cs var:Lang.Fees.unchanged ?></dt><dd><?cs var:Report.unchanged ?></dd></div>
  </dl>
  <?cs if:Report.added + Report.changed + Report.ended == 0 && !Report.bad ?><p><?cs var:Lang.Fees.nothing_changed ?></p><?cs /if ?>
  <?cs if:Report.notice_id ?><p><a href="/notices/<?cs var:Report.notice_id ?>"><?cs var:Lang.Fees.notice_published ?></a></p><?cs /if ?>
</div>
<?cs /if ?>
<?cs if:subcount(Report.Bad) ?>
<h2><?cs var:Lang.Fees.bad_rows ?></h2>
<ul class="bad-rows">
  <?cs each:b = Report.Bad ?><li><?cs var:string.slice(Lang.Fees.line, 0, string.find(Lang.Fees.line, "{")) ?><?cs var:b.line ?><?cs var:string.slice(Lang.Fees.line, string.find(Lang.Fees.line, "}") + 1, string.length(Lang.Fees.line)) ?>：<?cs var:Lang.Fees.Bad[b.code] ?><?cs if:b.detail ?>（<?cs var:b.detail ?>）<?cs /if ?></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs if:subcount(Report.Changed) ?>
<details class="fee-day" open><summary><?cs var:Lang.Fees.changed ?>（<?cs var:subcount(Report.Changed) ?>）</summary>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Fees.changed ?>"><table class="data-table">
<thead><tr><th scope="col"><?cs var:Lang.Fees.code ?></th><th scope="col"><?cs var:Lang.Fees.item ?></th><th scope="col"><?cs var:Lang.Fees.old_price ?></th><th scope="col"><?cs var:Lang.Fees.new_price ?></th></tr></thead>
<tbody><?cs each:c = Report.Changed ?><tr><td><?cs var:c.his_code ?></td><td><?cs var:c.name ?><?cs if:c.old_name ?>（<?cs var:c.old_name ?>）<?cs /if ?> <?cs var:c.spec ?></td><td><?cs var:c.old_price ?></td><td><?cs var:c.price ?></td></tr><?cs /each ?></tbody>
</table></div>
</details>
<?cs /if ?>
<?cs # the items a list adds or ends, folded under their count ?>
<?cs def:item_list(rows, title) ?><?cs if:subcount(rows) ?>
<details class="fee-day"><summary><?cs var:title ?>（<?cs var:subcount(rows) ?>）</summary>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:title ?>"><table class="data-table">
<thead><tr><th scope="col"><?cs var:Lang.Fees.code ?></th><th scope="col"><?cs var:Lang.Fees.item ?></th><th scope="col"><?cs var:Lang.Fees.price ?></th></tr></thead>
<tbody><?cs each:c = rows ?><tr><td><?cs var:c.his_code ?></td><td><?cs var:c.name ?> <?cs var:c.spec ?></td><td><?cs var:c.price ?></td></tr><?cs /each ?></tbody>
</table></div>
</details>
<?cs /if ?><?cs /def ?>
<?cs call:item_list(Report.Added, Lang.Fees.added) ?>
<?cs call:item_list(Report.Ended, Lang.Fees.ended_items) ?>
<form class="form" method="post" action="/office/fees/import" enctype="multipart/form-data" novalidate>
  <?cs call:csrf_field() ?>
  <div class="form-group">
    <label class="form-label" for="f-file"><?cs var:Lang.Fees.file ?></label>
    <span class="form-hint" id="f-file-hint"><?cs var:Lang.Fees.file_hint ?><?cs if:Upload.filename ?> <?cs var:Lang.Fees.file_again ?><?cs var:Upload.filename ?><?cs /if ?></span>
    <input class="form-input" id="f-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="f-file-hint">
  </div>
  <div class="form-group">
    <label class="form-label" for="f-encoding"><?cs var:Lang.Fees.encoding ?></label>
    <select class="form-select" id="f-encoding" name="encoding">
      <option value="auto"<?cs if:Form.encoding == "auto" || !Form.encoding ?> selected<?cs /if ?>><?cs var:Lang.Fees.encoding_auto ?></option>
      <option value="UTF-8"<?cs if:Form.encoding == "UTF-8" ?> selected<?cs /if ?>>UTF-8</option>
      <option value="GBK"<?cs if:Form.encoding == "GBK" ?> selected<?cs /if ?>>GBK</option>
    </select>
  </div>
  <?cs call:textarea_field("csv", Lang.Fees.csv, Lang.Fees.csv_hint, Form.csv, Form.csv.error, 6) ?>
  <?cs call:text_field("effective_on", "date", Lang.Fees.effective_on, "", Form.effective_on, Form.effective_on.error, 10, "off") ?>
  <div class="form-group">
    <div class="form-checkbox">
      <input id="f-notice" name="notice" type="checkbox" value="1"<?cs if:Form.notice ?> checked<?cs /if ?>>
      <label for="f-notice"><?cs var:Lang.Fees.notice ?></label>
    </div>
  </div>
  <div class="button-group">
    <button class="button button-secondary" type="submit" name="action" value="dry_run"><?cs var:Lang.Fees.dry_run ?></button>
    <button class="button" type="submit" name="action" value="apply"><?cs var:Lang.Fees.apply ?></button>
  </div>
</form>
<h2 id="charges"><?cs var:Lang.Fees.charges_title ?></h2>
<p><?cs var:Lang.Fees.charges_lead ?></p>
<?cs if:Charges.done ?><div class="notification-banner notification-success" role="status" id="charges-report"><p><?cs var:string.slice(Lang.Fees.charges_done, 0, string.find(Lang.Fees.charges_done, "{")) ?><?cs var:Charges.stored ?><?cs var:string.slice(Lang.Fees.charges_done, string.find(Lang.Fees.charges_done, "}") + 1, string.find(Lang.Fees.charges_done, "{duplicates}")) ?><?cs var:Charges.duplicates ?><?cs var:string.slice(Lang.Fees.charges_done, string.find(Lang.Fees.charges_done, "{duplicates}") + 12, string.length(Lang.Fees.charges_done)) ?></p></div><?cs /if ?>
<?cs if:subcount(Charges.Bad) ?>
<ul class="bad-rows">
  <?cs each:b = Charges.Bad ?><li><?cs var:string.slice(Lang.Fees.line, 0, string.find(Lang.Fees.line, "{")) ?><?cs var:b.line ?><?cs var:string.slice(Lang.Fees.line, string.find(Lang.Fees.line, "}") + 1, string.length(Lang.Fees.line)) ?>：<?cs var:Lang.Fees.Charges[b.code] ?><?cs if:b.detail ?>（<?cs var:b.detail ?>）<?cs /if ?></li><?cs /each ?>
</ul>
<?cs /if ?>
<form class="form" method="post" action="/office/fees/charges" enctype="multipart/form-data" novalidate>
  <?cs call:csrf_field() ?>
  <div class="form-group<?cs if:Form.kind.error ?> form-group-error<?cs /if ?>">
    <label class="form-label" for="f-kind"><?cs var:Lang.Fees.charge_kind ?></label>
    <?cs if:Form.kind.error ?><p class="form-error-message" id="f-kind-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form.kind.error ?></p><?cs /if ?>
    <select class="form-select" id="f-kind" name="kind"<?cs if:Form.kind.error ?> aria-invalid="true" aria-describedby="f-kind-error"<?cs /if ?>>
      <option value="charges"<?cs if:Form.kind != "deposits" ?> selected<?cs /if ?>><?cs var:Lang.Fees.charge_kind_charges ?></option>
      <option value="deposits"<?cs if:Form.kind == "deposits" ?> selected<?cs /if ?>><?cs var:Lang.Fees.charge_kind_deposits ?></option>
    </select>
  </div>
  <div class="form-group">
    <label class="form-label" for="f-charges-file"><?cs var:Lang.Fees.file ?></label>
    <input class="form-input" id="f-charges-file" name="file" type="file" accept=".csv,text/csv">
  </div>
  <input type="hidden" name="encoding" value="auto">
  <button class="button" type="submit"><?cs var:Lang.Fees.charges_submit ?></button>
</form>
<?cs if:subcount(Imports) ?>
<h2><?cs var:Lang.Fees.imports ?></h2>
<ul>
  <?cs each:i = Imports ?><li><?cs var:i.at ?> · <?cs var:Lang.Fees.effective_on ?> <?cs var:i.effective_on ?> · <?cs var:i.rows_read ?> / +<?cs var:i.added ?> ~<?cs var:i.changed ?> -<?cs var:i.ended ?></li><?cs /each ?>
</ul>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
