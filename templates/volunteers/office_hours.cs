<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Vol.hours_title ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Vol.hours_title ?> · <?cs var:Hours.month ?></h1>
<?cs include:"volunteers/office_nav.cs" ?>
<p class="lead"><?cs var:Lang.Vol.hours_lead ?></p>
<form class="form" method="get" action="/office/volunteers/hours">
  <div class="form-group">
    <label class="form-label" for="f-month"><?cs var:Lang.Vol.hours_month ?></label>
    <input class="form-input form-input-short" id="f-month" name="month" type="month" value="<?cs var:Hours.month ?>">
  </div>
  <button class="button button-secondary" type="submit"><?cs var:Lang.Vol.hours_show ?></button>
</form>
<p><a href="/office/volunteers/hours.csv?month=<?cs var:url_escape(Hours.month) ?>" id="csv-link"><?cs var:Lang.Vol.export_csv ?></a></p>
<?cs if:Hours.below > 0 ?><p class="notification-banner" id="below-count"><?cs var:Text.below ?></p><?cs /if ?>
<?cs if:subcount(Hours.rows) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Page.title ?>">
<table class="data-table" id="hours">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Vol.col_name ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_shifts ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_hours ?></th>
    <th scope="col"><?cs var:Lang.Vol.col_flag ?></th>
  </tr></thead>
  <tbody>
  <?cs each:h = Hours.rows ?>
  <tr<?cs if:h.below == 1 ?> class="below"<?cs /if ?>>
    <td><a href="/office/volunteers/<?cs var:h.id ?>"><?cs var:h.name ?></a> <span class="muted"><?cs var:h.no ?></span></td>
    <td><?cs var:h.shifts ?></td>
    <td><?cs var:h.shown ?></td>
    <td><?cs if:h.below == 1 ?><span class="tag tag-expired"><?cs var:Lang.Vol.below_minimum ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p><?cs var:Lang.Vol.no_volunteers ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
