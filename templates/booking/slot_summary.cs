<dl class="summary-list">
  <div><dt><?cs var:Lang.Booking.departments ?></dt><dd><?cs var:Slot.department ?>(<?cs var:Slot.location ?>)</dd></div>
  <div><dt><?cs var:Lang.Booking.doctor ?></dt><dd><?cs var:Slot.doctor ?> · <?cs var:Lang.Booking.Title[Slot.title] ?> · <?cs var:Lang.Booking.Type[Slot.clinic_type] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.date ?></dt><dd><?cs var:Slot.date ?> <?cs var:Lang.Booking.Weekday[Slot.weekday] ?> <?cs var:Lang.Booking.Period[Slot.period] ?></dd></div>
  <div><dt><?cs var:Lang.Booking.time ?></dt><dd><?cs var:Slot.starts ?>–<?cs var:Slot.ends ?></dd></div>
  <div><dt><?cs var:Lang.Booking.fee ?></dt><dd><?cs var:Slot.fee ?> <?cs var:Lang.Booking.yuan ?></dd></div>
</dl>
