<?cs # Form building blocks, GOV.UK style: label, hint, the error beside the
     field, the value as it was submitted.  Every value is HTML-escaped by
     Config.VarEscapeMode = html. ?>
<?cs def:error_summary() ?>
<?cs if:subcount(Errors) ?>
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 class="error-summary-title" id="error-summary-title"><?cs var:Lang.error_summary_title ?></h2>
  <ul class="error-summary-list">
  <?cs each:e = Errors ?><li><a href="#f-<?cs var:e.field ?>"><?cs var:e.message ?></a></li><?cs /each ?>
  </ul>
</div>
<?cs /if ?>
<?cs /def ?>

<?cs def:field_start(name, label, hint, error) ?>
<div class="form-group<?cs if:error ?> form-group-error<?cs /if ?>">
  <label class="form-label" for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <?cs if:hint ?><span class="form-hint" id="f-<?cs var:name ?>-hint"><?cs var:hint ?></span><?cs /if ?>
  <?cs if:error ?><p class="form-error-message" id="f-<?cs var:name ?>-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:error ?></p><?cs /if ?>
<?cs /def ?>

<?cs def:described_by(name, hint, error) ?><?cs if:hint || error ?> aria-describedby="<?cs if:hint ?>f-<?cs var:name ?>-hint <?cs /if ?><?cs if:error ?>f-<?cs var:name ?>-error<?cs /if ?>"<?cs /if ?><?cs if:error ?> aria-invalid="true"<?cs /if ?><?cs /def ?>

<?cs # One <input> with its label, hint and error; its ids (f-<id>,
     f-<id>-hint, f-<id>-error) are made from `id`, so a page with two fields
     of the same name (two forms) gives each its own.  What HTML allows:
     - maxlength only on the types that take free text;
     - the value of a date, datetime-local or number input must be a valid
       date or number (a browser shows an invalid one as an empty field), so
       a refused one is shown as a text field, with what was typed;
     - on type=tel only the whole number (autocomplete "tel"): a part of it
       (tel-national, tel-local...) is a text field with the phone keypad. ?>
<?cs def:text_field_as(id, name, type, label, hint, value, error, maxlen, autocomplete) ?>
<?cs call:field_start(id, label, hint, error) ?>
  <input class="form-input" id="f-<?cs var:id ?>" name="<?cs var:name ?>"<?cs
    if:error && (type == "date" || type == "datetime-local" || type == "number") ?> type="text"<?cs if:type == "number" ?> inputmode="numeric"<?cs /if ?><?cs
    elif:type == "tel" && string.find(autocomplete, "tel-") == 0 ?> type="text" inputmode="tel"<?cs
    else ?> type="<?cs var:type ?>"<?cs /if ?> value="<?cs var:value ?>"<?cs
    if:maxlen && (type == "text" || type == "search" || type == "url" || type == "tel" || type == "email" || type == "password") ?> maxlength="<?cs var:maxlen ?>"<?cs /if ?><?cs
    if:autocomplete ?> autocomplete="<?cs var:autocomplete ?>"<?cs /if ?><?cs call:described_by(id, hint, error) ?>>
</div>
<?cs /def ?>
<?cs def:text_field(name, type, label, hint, value, error, maxlen, autocomplete) ?><?cs call:text_field_as(name, name, type, label, hint, value, error, maxlen, autocomplete) ?><?cs /def ?>

<?cs def:textarea_field(name, label, hint, value, error, rows) ?>
<?cs call:field_start(name, label, hint, error) ?>
  <textarea class="form-textarea" id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs var:rows ?>"<?cs call:described_by(name, hint, error) ?>><?cs var:value ?></textarea>
</div>
<?cs /def ?>

<?cs def:csrf_field() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF.token ?>"><?cs /def ?>

<?cs # The clinic type (普通/专家/专科/便民) of a session, as a list. ?>
<?cs def:clinic_type_field(value, error) ?>
<?cs call:field_start("clinic_type", Lang.Schedule.clinic_type, "", error) ?>
  <select class="form-select" id="f-clinic_type" name="clinic_type">
    <?cs each:c = Lang.Booking.Type ?><?cs if:name(c) != "stopped" ?><option value="<?cs name:c ?>"<?cs if:value == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /if ?><?cs /each ?>
  </select>
</div>
<?cs /def ?>
