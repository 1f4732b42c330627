<?cs if:Kind == "outpatient" ?><?cs set:Page.title = Lang.Fees.outpatient ?><?cs else ?><?cs set:Page.title = Lang.Fees.inpatient ?><?cs /if ?><?cs set:Page.section = "fees" ?><?cs set:Page.css = "fees" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Page.title ?></h1>
<dl class="summary-list">
  <div><dt><?cs if:Kind == "outpatient" ?><?cs var:Lang.Fees.visit_no ?><?cs else ?><?cs var:Lang.Fees.admission_no ?><?cs /if ?></dt><dd><?cs var:Account.number ?></dd></div>
  <div><dt><?cs var:Lang.Fees.patient ?></dt><dd><?cs var:Account.patient_name ?></dd></div>
  <div><dt><?cs var:Lang.Fees.department ?></dt><dd><?cs var:Account.department ?></dd></div>
  <?cs if:Kind == "inpatient" ?>
  <div><dt><?cs var:Lang.Fees.ward ?> / <?cs var:Lang.Fees.bed ?></dt><dd><?cs var:Account.ward ?> <?cs var:Account.bed ?></dd></div>
  <div><dt><?cs var:Lang.Fees.admitted ?></dt><dd><?cs var:Account.admitted ?></dd></div>
  <?cs if:Account.discharged ?><div><dt><?cs var:Lang.Fees.discharged ?></dt><dd><?cs var:Account.discharged ?></dd></div><?cs /if ?>
  <div><dt><?cs var:Lang.Fees.days ?></dt><dd><?cs var:Account.days ?> <?cs var:Lang.Fees.days_suffix ?></dd></div>
  <?cs else ?>
  <div><dt><?cs var:Lang.Fees.visited ?></dt><dd><?cs var:Account.admitted ?></dd></div>
  <?cs /if ?>
  <div><dt><?cs var:Lang.Fees.total ?></dt><dd><strong><?cs var:Totals.fees ?> <?cs var:Lang.Fees.yuan ?></strong></dd></div>
  <?cs if:Kind == "inpatient" ?>
  <div><dt><?cs var:Lang.Fees.deposits_total ?></dt><dd><?cs var:Totals.deposits ?> <?cs var:Lang.Fees.yuan ?></dd></div>
  <div><dt><?cs var:Lang.Fees.balance ?></dt><dd><strong><?cs var:Totals.balance ?> <?cs var:Lang.Fees.yuan ?></strong></dd></div>
  <?cs /if ?>
</dl>
<?cs if:Totals.low ?><div class="error-summary" role="alert"><p class="error-summary-title"><?cs var:string.slice(Lang.Fees.low_balance, 0, string.find(Lang.Fees.low_balance, "{")) ?><?cs var:Totals.low_limit ?><?cs var:string.slice(Lang.Fees.low_balance, string.find(Lang.Fees.low_balance, "}") + 1, string.length(Lang.Fees.low_balance)) ?></p></div><?cs /if ?>
<?cs if:!Print ?><p><a href="/fees/<?cs var:Kind ?>/list?t=<?cs var:url_escape(Link.token) ?>&amp;print=1"><?cs var:Lang.Fees.print ?></a></p><?cs else ?><p class="muted"><?cs var:Lang.Fees.print_hint ?> <a href="/fees/<?cs var:Kind ?>/list?t=<?cs var:url_escape(Link.token) ?>"><?cs var:Lang.Fees.back_to_list ?></a></p><?cs /if ?>
<?cs if:Print ?>
<?cs each:d = Days ?>
<section class="fee-day" aria-labelledby="day-<?cs name:d ?>">
  <h2 id="day-<?cs name:d ?>"><?cs var:d.date ?> · <?cs var:Lang.Fees.day_total ?> <?cs var:d.total ?> <?cs var:Lang.Fees.yuan ?></h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="day-<?cs name:d ?>">
  <table class="data-table">
    <thead><tr><th scope="col"><?cs var:Lang.Fees.item ?></th><th scope="col"><?cs var:Lang.Fees.spec ?></th><th scope="col"><?cs var:Lang.Fees.price ?></th><th scope="col"><?cs var:Lang.Fees.quantity ?></th><th scope="col"><?cs var:Lang.Fees.amount ?></th><th scope="col"><?cs var:Lang.Fees.class ?></th></tr></thead>
    <tbody><?cs each:i = d.Items ?><tr><td><?cs var:i.name ?></td><td><?cs var:i.spec ?></td><td><?cs var:i.price ?>/<?cs var:i.unit ?></td><td><?cs var:i.quantity ?></td><td><?cs var:i.amount ?></td><td><?cs var:i.class ?></td></tr><?cs /each ?></tbody>
  </table>
  </div>
</section>
<?cs /each ?>
<?cs else ?>
<h2><?cs var:Lang.Fees.by_day ?></h2>
<?cs each:d = Days ?>
<details class="fee-day"<?cs if:last(d) ?> open<?cs /if ?>>
  <summary><?cs var:d.date ?> · <?cs var:Lang.Fees.day_total ?> <strong><?cs var:d.total ?></strong> <?cs var:Lang.Fees.yuan ?>（<?cs var:subcount(d.Items) ?> <?cs var:Lang.Fees.lines ?>）</summary>
  <ul class="fee-lines">
    <?cs each:i = d.Items ?>
    <li><span class="fee-line-name"><?cs var:i.name ?><?cs if:i.spec ?> <span class="muted"><?cs var:i.spec ?></span><?cs /if ?><?cs if:i.class ?> <span class="tag"><?cs var:i.class ?></span><?cs /if ?></span>
      <span class="fee-line-amount"><?cs var:i.price ?>×<?cs var:i.quantity ?><?cs var:i.unit ?> = <strong><?cs var:i.amount ?></strong></span></li>
    <?cs /each ?>
  </ul>
</details>
<?cs /each ?>
<?cs /if ?>
<?cs if:!subcount(Days) ?><p><?cs var:Lang.Fees.no_items ?></p><?cs /if ?>
<?cs if:subcount(Deposits) ?>
<h2><?cs var:Lang.Fees.deposits ?></h2>
<ul class="notice-list">
  <?cs each:p = Deposits ?><li class="notice-item"><span><?cs var:p.paid_at ?> <?cs var:p.method ?></span> <strong><?cs var:p.amount ?> <?cs var:Lang.Fees.yuan ?></strong></li><?cs /each ?>
</ul>
<?cs /if ?>
<p class="muted"><?cs var:Lang.Fees.disclaimer ?></p>
<p><a href="/fees/<?cs var:Kind ?>"><?cs var:Lang.Fees.new_lookup ?></a></p>
<?cs include:"layout/footer.cs" ?>
