<div class="action-bar">
  <a href="/office/volunteers/"><?cs var:Lang.Vol.office_title ?></a>
  <a href="/office/volunteers/hours"><?cs var:Lang.Vol.hours_link ?></a>
  <a href="/office/volunteers/points"><?cs var:Lang.Vol.points_link ?></a>
  <a href="/office/volunteers/call"><?cs var:Lang.Vol.edit_call ?></a>
</div>
