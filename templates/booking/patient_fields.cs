<?cs # The patient's details (booking_fields in book.c): a booking's and a waitlist entry's. ?>
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
