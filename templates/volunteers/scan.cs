<?cs set:Page.title = Lang.Vol.scan_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<?cs if:Invalid ?>
<h1 class="page-title"><?cs var:Lang.Vol.scan_title ?></h1>
<div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs if:Invalid == "point" ?><?cs var:Lang.Vol.invalid_point ?><?cs else ?><?cs var:Lang.Vol.invalid_me ?><?cs /if ?></h2></div>
<?cs elif:Step == "me" ?>
<h1 class="page-title"><?cs var:Lang.Vol.me_title ?></h1>
<p class="lead"><?cs var:Text.hello ?></p>
<p><?cs var:Lang.Vol.me_lead ?></p>
<dl class="summary-list"><div><dt><?cs var:Lang.Vol.this_month ?></dt><dd id="month-hours"><?cs var:Me.month.shown ?><?cs if:Me.month.below == 1 ?>(<?cs var:Lang.Vol.below_minimum ?>)<?cs /if ?></dd></div></dl>
<?cs if:Me.certificate ?><p><a href="<?cs var:Me.certificate ?>" id="certificate-link"><?cs var:Lang.Vol.certificate_link ?></a></p><?cs /if ?>
<?cs else ?>
<h1 class="page-title"><?cs var:Lang.Vol.scan_title ?> · <?cs var:Point.name ?></h1>
<?cs if:Done == "in" ?><div class="notification-banner notification-success" role="status" id="scan-done"><?cs var:Lang.Vol.done_in ?></div><?cs /if ?>
<?cs if:Done == "out" ?><div class="notification-banner notification-success" role="status" id="scan-done"><?cs var:Lang.Vol.done_out ?></div><?cs /if ?>
<?cs if:Done == "in_already" ?><div class="notification-banner" role="status" id="scan-done"><?cs var:Lang.Vol.in_already ?></div><?cs /if ?>
<?cs if:Done == "out_already" ?><div class="notification-banner" role="status" id="scan-done"><?cs var:Lang.Vol.out_already ?></div><?cs /if ?>
<?cs if:Refusal == "not_active" ?><div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:Lang.Vol.not_active ?></h2></div><?cs /if ?>
<?cs if:NeedLink ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:Lang.Vol.need_link ?></h2></div>
<?cs else ?>
<p class="lead"><?cs var:Text.hello ?></p>
<?cs if:Me.open.id ?><p id="open-shift"><?cs var:Text.open_shift ?></p><?cs /if ?>
<form class="form" method="post" action="/volunteers/scan">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="t" value="<?cs var:Point.token ?>">
  <?cs if:Me.open.id ?>
  <button class="button" type="submit" id="scan-button" name="do" value="out"><?cs var:Lang.Vol.check_out ?></button>
  <?cs else ?>
  <button class="button" type="submit" id="scan-button" name="do" value="in"><?cs var:Lang.Vol.check_in ?></button>
  <?cs /if ?>
</form>
<dl class="summary-list"><div><dt><?cs var:Lang.Vol.this_month ?></dt><dd id="month-hours"><?cs var:Me.month.shown ?><?cs if:Me.month.below == 1 ?>(<?cs var:Lang.Vol.below_minimum ?>)<?cs /if ?></dd></div></dl>
<?cs /if ?>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
