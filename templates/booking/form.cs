<?cs set:Page.title = Lang.Booking.book_title ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/"><?cs var:Lang.Booking.title ?></a></li><li><a href="/booking/doctors/<?cs var:Slot.doctor_id ?>"><?cs var:Slot.doctor ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Booking.book_title ?></h1>
<?cs include:"booking/slot_summary.cs" ?>
<?cs if:Refusal ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal">
  <h2 class="error-summary-title"><?cs var:RefusalText ?></h2>
</div>
<?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Step == "book" ?>
<p class="lead"><?cs var:Lang.Booking.book_lead ?></p>
<div class="verified-mobile">
  <p><?cs var:Lang.Verify.verified ?> <strong><?cs var:Verified.mobile ?></strong></p>
  <form method="post" action="/booking/verify">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="slot" value="<?cs var:Slot.id ?>">
    <button class="button button-secondary" type="submit" name="action" value="forget"><?cs var:Lang.Verify.change ?></button>
  </form>
</div>
<form class="form" method="post" action="/booking/slots/<?cs var:Slot.id ?>" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("patient_name", "text", Lang.Booking.patient_name, "", Form.patient_name, Form.patient_name.error, 32, "name") ?>
  <?cs call:field_start("id_type", Lang.Booking.id_type, "", Form.id_type.error) ?>
    <select class="form-select" id="f-id_type" name="id_type">
      <?cs each:c = Lang.Booking.IdType ?>
      <option value="<?cs name:c ?>"<?cs if:Form.id_type == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option>
      <?cs /each ?>
    </select>
  </div>
  <?cs call:text_field("id_number", "text", Lang.Booking.id_number, Lang.Booking.id_number_hint, Form.id_number, Form.id_number.error, 32, "off") ?>
  <div class="form-group">
    <div class="form-checkbox">
      <input id="f-for_family" name="for_family" type="checkbox" value="1"<?cs if:Form.for_family ?> checked<?cs /if ?>>
      <label for="f-for_family"><?cs var:Lang.Booking.for_family ?></label>
    </div>
  </div>
  <button class="button" type="submit"><?cs var:Lang.Booking.submit ?></button>
</form>
<?cs else ?>
<h2><?cs var:Lang.Verify.title ?></h2>
<?cs if:Verify.needed ?><p class="notification-banner" role="status"><?cs var:Lang.Verify.needed ?></p><?cs /if ?>
<p class="lead"><?cs var:Lang.Verify.lead ?></p>
<?cs if:Verify.sent_to ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Verify.sent_prefix ?> <?cs var:Verify.sent_to ?><?cs var:Lang.Verify.sent_suffix ?></div><?cs /if ?>
<form class="form" method="post" action="/booking/verify" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="slot" value="<?cs var:Slot.id ?>">
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
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
