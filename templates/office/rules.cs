<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Rules.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Rules.title ?></h1>
<p class="lead"><?cs var:Lang.Rules.lead ?></p>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Rules.done_saved ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/booking-rules" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("no_show_limit", "number", Lang.Rules.no_show_limit, Lang.Rules.no_show_limit_hint, Form.no_show_limit, Form.no_show_limit.error, 2, "off") ?>
  <?cs call:text_field("no_show_window_days", "number", Lang.Rules.no_show_window_days, "", Form.no_show_window_days, Form.no_show_window_days.error, 3, "off") ?>
  <?cs call:text_field("suspend_days", "number", Lang.Rules.suspend_days, Lang.Rules.suspend_days_hint, Form.suspend_days, Form.suspend_days.error, 3, "off") ?>
  <?cs call:text_field("max_active_per_mobile", "number", Lang.Rules.max_active_per_mobile, Lang.Rules.max_active_per_mobile_hint, Form.max_active_per_mobile, Form.max_active_per_mobile.error, 2, "off") ?>
  <?cs call:text_field("waitlist_hold_minutes", "number", Lang.Rules.waitlist_hold_minutes, Lang.Rules.waitlist_hold_minutes_hint, Form.waitlist_hold_minutes, Form.waitlist_hold_minutes.error, 3, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Rules.submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
