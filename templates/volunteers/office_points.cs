<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Vol.points_title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Vol.points_title ?></h1>
<?cs include:"volunteers/office_nav.cs" ?>
<p class="lead"><?cs var:Lang.Vol.points_lead ?></p>
<?cs each:p = Points ?>
<section class="notice" id="point-<?cs var:p.id ?>">
  <h2><?cs var:p.name ?></h2>
  <?cs if:Raw.points[name(p)] ?><figure class="qr-code"><?cs uvar:Raw.points[name(p)] ?><figcaption><?cs var:Lang.Vol.scan_title ?> · <?cs var:p.name ?></figcaption></figure><?cs /if ?>
  <p class="muted"><a class="point-link" href="<?cs var:p.link ?>"><?cs var:p.name ?></a></p>
</section>
<?cs /each ?>
<?cs include:"layout/footer.cs" ?>
