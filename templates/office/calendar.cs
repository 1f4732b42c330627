<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Calendar.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Calendar.title ?> <?cs var:Calendar.year ?></h1>
<p class="lead"><?cs var:Lang.Calendar.lead ?></p>
<?cs if:Calendar.next_missing ?><div class="notification-banner notification-warning" role="status" id="calendar-next-missing"><?cs var:Calendar.next ?><?cs var:Lang.Calendar.next_missing ?></div><?cs /if ?>
<?cs if:Done ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Calendar.Done[Done] ?></div><?cs /if ?>
<nav class="pagination" aria-label="<?cs var:Lang.Calendar.years ?>">
  <a class="pagination-prev" href="/office/calendar?year=<?cs var:Calendar.prev ?>" rel="prev"><?cs var:Calendar.prev ?><?cs var:Lang.Calendar.year_suffix ?></a>
  <a class="pagination-next" href="/office/calendar?year=<?cs var:Calendar.next ?>" rel="next"><?cs var:Calendar.next ?><?cs var:Lang.Calendar.year_suffix ?></a>
</nav>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/calendar" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("day", "date", Lang.Calendar.day, "", Form.day, Form.day.error, 0, "off") ?>
  <fieldset class="form-group<?cs if:Form.kind.error ?> form-group-error<?cs /if ?>">
    <legend><?cs var:Lang.Calendar.kind ?></legend>
    <?cs if:Form.kind.error ?><p class="form-error-message" id="f-kind-error"><?cs var:Form.kind.error ?></p><?cs /if ?>
    <?cs each:k = Lang.Calendar.Kind ?>
    <div class="form-radio"><input type="radio" id="f-kind<?cs if:name(k) != "holiday" ?>-<?cs name:k ?><?cs /if ?>" name="kind" value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> checked<?cs /if ?>><label for="f-kind<?cs if:name(k) != "holiday" ?>-<?cs name:k ?><?cs /if ?>"><?cs var:k ?></label></div>
    <?cs /each ?>
  </fieldset>
  <?cs call:text_field("name", "text", Lang.Calendar.name, Lang.Calendar.name_hint, Form.name, Form.name.error, 16, "off") ?>
  <button class="button" type="submit"><?cs var:Lang.Calendar.add ?></button>
</form>
<?cs if:subcount(Days) == 0 ?>
<p id="calendar-empty"><?cs var:Lang.Calendar.empty ?></p>
<?cs else ?>
<h2><?cs var:Calendar.year ?><?cs var:Lang.Calendar.year_suffix ?><?cs var:Lang.Calendar.entered ?></h2>
<p class="form-hint"><?cs var:Lang.Calendar.open_to_delete ?></p>
<div id="calendar-days">
<?cs each:g = Groups ?>
<section class="calendar-group" aria-labelledby="group-<?cs name:g ?>" data-kind="<?cs if:g.working == 1 ?>workday<?cs else ?>holiday<?cs /if ?>">
  <details class="calendar-group-edit">
    <summary><h3 class="calendar-group-title" id="group-<?cs name:g ?>"><?cs var:g.name ?> <span class="calendar-group-kind"><?cs if:g.working == 1 ?><?cs var:Lang.Calendar.Kind.workday ?><?cs else ?><?cs var:Lang.Calendar.Kind.holiday ?><?cs /if ?></span></h3>
      <span class="calendar-group-days"><?cs if:g.run == 1 && g.days > 1 ?><?cs var:g.first ?><?cs var:Lang.Calendar.range_to ?><?cs var:g.last ?><?cs else ?><?cs var:g.listed ?><?cs /if ?>,<?cs var:Lang.Calendar.total ?> <?cs var:g.days ?> <?cs var:Lang.Calendar.days ?></span></summary>
    <ul class="calendar-days">
<?cs each:d = Days ?><?cs if:d.name == g.name && d.working == g.working ?>
      <li class="calendar-day" data-day="<?cs var:d.day ?>"><time datetime="<?cs var:d.day ?>"><?cs var:d.shown ?> <?cs var:Lang.Calendar.Weekday[d.weekday] ?></time><form class="calendar-day-delete" method="post" action="/office/calendar/delete"><?cs call:csrf_field() ?><input type="hidden" name="day" value="<?cs var:d.day ?>"><button class="button-link" type="submit" aria-label="<?cs var:Lang.Calendar.delete ?> <?cs var:d.day ?> <?cs var:d.name ?>"><?cs var:Lang.Calendar.delete ?></button></form></li>
<?cs /if ?><?cs /each ?>
    </ul>
  </details>
</section>
<?cs /each ?>
</div>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
