<?cs set:Page.title = Lang.Vol.cert_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Vol.cert_title ?></h1>
<?cs if:Invalid ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title" id="cert-state"><?cs var:Lang.Vol.cert_invalid ?></h2></div>
<?cs else ?>
<p class="notification-banner notification-success" id="cert-state"><?cs var:Lang.Vol.cert_genuine ?></p>
<p class="notice-body" id="cert-text"><?cs var:Text.cert ?></p>
<p><?cs var:Site.name ?> · <?cs var:Lang.Vol.no ?> <?cs var:Cert.no ?></p>
<?cs if:Raw.qr_svg ?>
<figure class="qr-code">
  <?cs uvar:Raw.qr_svg ?>
  <figcaption><?cs var:Lang.Vol.cert_qr_hint ?></figcaption>
</figure>
<?cs /if ?>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
