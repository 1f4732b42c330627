<?cs # The mobile proved by a code (booking/verify.c): the step before booking
     a slot or joining a waitlist (Verify.then = "waitlist"). ?>
<h2><?cs var:Lang.Verify.title ?></h2>
<?cs if:Verify.needed ?><p class="notification-banner" role="status"><?cs var:Lang.Verify.needed ?></p><?cs /if ?>
<p class="lead"><?cs var:Lang.Verify.lead ?></p>
<?cs if:Verify.sent_to ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Verify.sent_prefix ?> <?cs var:Verify.sent_to ?><?cs var:Lang.Verify.sent_suffix ?></div><?cs /if ?>
<form class="form" method="post" action="/booking/verify" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="slot" value="<?cs var:Slot.id ?>"><?cs if:Verify.then ?>
  <input type="hidden" name="then" value="<?cs var:Verify.then ?>"><?cs /if ?>
  <?cs call:text_field("mobile", "tel", Lang.Booking.mobile, Lang.Booking.mobile_hint, Form.mobile, Form.mobile.error, 20, "tel-national") ?>
  <?cs if:Verify.code_asked ?>
  <?cs call:field_start("code", Lang.Verify.code, Lang.Verify.code_hint, Form.code.error) ?>
    <input class="form-input form-input-short" id="f-code" name="code" type="text" inputmode="numeric" value="<?cs var:Form.code ?>" maxlength="6" autocomplete="one-time-code"<?cs call:described_by("code", Lang.Verify.code_hint, Form.code.error) ?>>
  </div>
  <div class="button-group">
    <button class="button" type="submit" name="action" value="check"><?cs var:Lang.Verify.check ?></button>
    <button class="button button-secondary" type="submit" name="action" value="send"><?cs var:Lang.Verify.resend ?></button>
  </div>
  <?cs else ?>
  <button class="button" type="submit" name="action" value="send"><?cs var:Lang.Verify.send ?></button>
  <?cs /if ?>
</form>
