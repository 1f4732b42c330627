<?cs set:Page.title = Lang.Booking.reschedule_title ?><?cs set:Page.section = "booking" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/booking/booking?no=<?cs var:Booking.no ?>&amp;t=<?cs var:Query.t ?>"><?cs var:Lang.Booking.no ?> <?cs var:Booking.no ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Booking.reschedule_title ?></h1>
<?cs if:Refusal ?><div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:RefusalText ?></h2></div><?cs /if ?>
<?cs call:error_summary() ?>
<dl class="summary-list">
  <div><dt><?cs var:Lang.Booking.reschedule_current ?></dt><dd id="current-slot"><?cs var:Booking.date ?> <?cs var:Lang.Booking.Weekday[Booking.weekday] ?> <?cs var:Lang.Booking.Period[Booking.period] ?> <?cs var:Booking.starts ?>–<?cs var:Booking.ends ?></dd></div>
  <div><dt><?cs var:Lang.Booking.doctor ?></dt><dd><?cs var:Booking.department ?> · <?cs var:Booking.doctor ?></dd></div>
  <div><dt><?cs var:Lang.Booking.patient_name ?></dt><dd><?cs var:Booking.patient_name ?> · <?cs var:Booking.id_number ?></dd></div>
</dl>
<?cs if:Booking.cancellable != 1 ?>
<p id="not-changeable"><?cs var:Lang.Booking.Refusal.change_too_late ?></p>
<?cs elif:subcount(Slots) ?>
<p class="lead"><?cs var:Lang.Booking.reschedule_lead ?></p>
<form class="form" method="post" action="/booking/reschedule" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="no" value="<?cs var:Booking.no ?>">
  <input type="hidden" name="t" value="<?cs var:Query.t ?>">
  <?cs # one list, a group per session (date and half-day), so a phone shows
         its own compact picker however many times there are ?>
  <?cs call:field_start("slot", Lang.Booking.new_slot, Lang.Booking.new_slot_hint, Form.slot.error) ?>
    <select class="form-select" id="f-slot" name="slot"<?cs call:described_by("slot", Lang.Booking.new_slot_hint, Form.slot.error) ?>>
      <option value=""><?cs var:Lang.Booking.new_slot_choose ?></option>
      <?cs set:Pass.session = "" ?><?cs each:t = Slots ?><?cs if:t.session_id != Pass.session ?><?cs if:Pass.session != "" ?></optgroup><?cs /if ?><?cs set:Pass.session = t.session_id ?>
      <optgroup label="<?cs var:t.date ?> <?cs var:Lang.Booking.Weekday[t.weekday] ?> <?cs var:Lang.Booking.Period[t.period] ?>"><?cs /if ?>
        <option value="<?cs var:t.id ?>"<?cs if:Query.slot == t.id ?> selected<?cs /if ?>><?cs var:t.date ?> <?cs var:t.starts ?>–<?cs var:t.ends ?> · <?cs var:Lang.Booking.free ?> <?cs var:t.free ?></option><?cs /each ?>
      </optgroup>
    </select>
  </div>
  <p class="form-hint"><?cs var:Lang.Booking.reschedule_hint ?></p>
  <button class="button" type="submit"><?cs var:Lang.Booking.reschedule_submit ?></button>
</form>
<?cs else ?>
<p id="no-choices"><?cs var:Lang.Booking.reschedule_none ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
