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
<p class="lead"><?cs var:Lang.Booking.book_lead ?></p>
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
  <?cs call:text_field("mobile", "tel", Lang.Booking.mobile, Lang.Booking.mobile_hint, Form.mobile, Form.mobile.error, 11, "tel-national") ?>
  <div class="form-group">
    <div class="form-checkbox">
      <input id="f-for_family" name="for_family" type="checkbox" value="1"<?cs if:Form.for_family ?> checked<?cs /if ?>>
      <label for="f-for_family"><?cs var:Lang.Booking.for_family ?></label>
    </div>
  </div>
  <button class="button" type="submit"><?cs var:Lang.Booking.submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
