<?cs set:Page.title = Lang.Fees.title ?><?cs set:Page.section = "fees" ?><?cs set:Page.css = "fees" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Fees.title ?></h1>
<p class="lead"><?cs var:Lang.Fees.lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="get" action="/fees/" role="search">
  <?cs call:text_field("q", "search", Lang.Fees.q, Lang.Fees.q_hint, Form.q, Form.q.error, 40, "off") ?>
  <div class="form-group">
    <label class="form-label" for="f-category"><?cs var:Lang.Fees.category ?></label>
    <select class="form-select" id="f-category" name="category">
      <option value=""><?cs var:Lang.Fees.all ?></option>
      <?cs each:c = Categories ?><option value="<?cs var:c ?>"<?cs if:Filter.category == c ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
    </select>
  </div>
  <button class="button" type="submit"><?cs var:Lang.Fees.search ?></button>
</form>
<?cs if:subcount(Items) ?>
<p class="muted" role="status"><?cs var:string.slice(Lang.Fees.results, 0, string.find(Lang.Fees.results, "{")) ?><?cs var:Paging.total ?><?cs var:string.slice(Lang.Fees.results, string.find(Lang.Fees.results, "}") + 1, string.length(Lang.Fees.results)) ?></p>
<ul class="notice-list fee-list">
  <?cs each:i = Items ?>
  <li class="notice-item">
    <a class="notice-link" href="/fees/items/<?cs var:i.id ?>"><?cs var:i.name ?><?cs if:i.spec ?> <span class="muted"><?cs var:i.spec ?></span><?cs /if ?></a>
    <strong><?cs var:i.price ?> <?cs var:Lang.Fees.yuan ?>/<?cs var:i.unit ?></strong>
    <span class="tag"><?cs var:i.category ?></span>
    <span class="tag"><?cs var:Lang.Fees.class ?> <?cs var:i.insurance_class ?></span>
    <span class="notice-date"><?cs var:i.his_code ?></span>
  </li>
  <?cs /each ?>
</ul>
<?cs else ?>
<p role="status"><?cs var:Lang.Fees.none ?></p>
<?cs /if ?>
<?cs if:Paging.pages > 1 ?>
<nav class="pagination" aria-label="<?cs var:Lang.Fees.page ?>">
  <?cs if:Paging.prev ?><a class="pagination-prev" href="/fees/?<?cs var:Paging.query ?>page=<?cs var:Paging.prev ?>"><?cs var:Lang.Fees.prev ?></a><?cs /if ?>
  <span class="pagination-status"><?cs var:Lang.Fees.page_prefix ?> <?cs var:Paging.page ?> / <?cs var:Paging.pages ?> <?cs var:Lang.Fees.page_suffix ?></span>
  <?cs if:Paging.next ?><a class="pagination-next" href="/fees/?<?cs var:Paging.query ?>page=<?cs var:Paging.next ?>"><?cs var:Lang.Fees.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<h2><?cs var:Lang.Fees.lists ?></h2>
<ul>
  <li><a href="/fees/inpatient"><?cs var:Lang.Fees.inpatient ?></a></li>
  <li><a href="/fees/outpatient"><?cs var:Lang.Fees.outpatient ?></a></li>
</ul>
<h2><?cs var:Lang.Fees.files ?></h2>
<p class="muted"><?cs var:Lang.Fees.files_hint ?></p>
<ul>
  <li><a href="/fees/prices.csv"><?cs var:Lang.Fees.csv_file ?></a></li>
  <li><a href="/fees/prices.json"><?cs var:Lang.Fees.json_file ?></a></li>
</ul>
<?cs include:"layout/footer.cs" ?>
