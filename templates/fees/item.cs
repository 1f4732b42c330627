<?cs set:Page.title = Item.name ?><?cs set:Page.section = "fees" ?><?cs set:Page.css = "fees" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/"><?cs var:Lang.home ?></a></li><li><a href="/fees/"><?cs var:Lang.Fees.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Item.name ?></h1>
<?cs if:Item.current != 1 ?><p class="notification-banner"><?cs var:Lang.Fees.ended ?><?cs if:Item.ends_on ?>（<?cs var:Item.ends_on ?>）<?cs /if ?></p><?cs /if ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Fees.current_price ?></dt><dd><strong><?cs var:Item.price ?> <?cs var:Lang.Fees.yuan ?>/<?cs var:Item.unit ?></strong></dd></div>
  <div><dt><?cs var:Lang.Fees.spec ?></dt><dd><?cs var:Item.spec ?></dd></div>
  <div><dt><?cs var:Lang.Fees.category ?></dt><dd><?cs var:Item.category ?></dd></div>
  <div><dt><?cs var:Lang.Fees.class ?></dt><dd><?cs var:Item.insurance_class ?><?cs var:Lang.Fees.class_suffix ?></dd></div>
  <div><dt><?cs var:Lang.Fees.code ?></dt><dd><?cs var:Item.his_code ?></dd></div>
  <?cs if:Item.insurance_code ?><div><dt><?cs var:Lang.Fees.insurance_code ?></dt><dd><?cs var:Item.insurance_code ?></dd></div><?cs /if ?>
  <div><dt><?cs var:Lang.Fees.initials ?></dt><dd><?cs var:Item.initials ?></dd></div>
  <div><dt><?cs var:Lang.Fees.since ?></dt><dd><?cs var:Item.since ?></dd></div>
</dl>
<h2><?cs var:Lang.Fees.history ?></h2>
<div class="table-wrap">
<table class="data-table">
  <thead><tr><th scope="col"><?cs var:Lang.Fees.since ?></th><th scope="col"><?cs var:Lang.Fees.until ?></th><th scope="col"><?cs var:Lang.Fees.price ?>（<?cs var:Lang.Fees.yuan ?>）</th></tr></thead>
  <tbody>
  <?cs each:h = History ?><tr><td><?cs var:h.since ?></td><td><?cs if:h.until ?><?cs var:h.until ?><?cs else ?>—<?cs /if ?></td><td><?cs var:h.price ?></td></tr><?cs /each ?>
  </tbody>
</table>
</div>
<p><a href="/fees/"><?cs var:Lang.Fees.back ?></a></p>
<?cs include:"layout/footer.cs" ?>
