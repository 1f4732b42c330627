<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Complaints.Office.list ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Complaints.Office.list ?></h1>
<p><a href="/office/complaints/?show=open"<?cs if:Filter.show == "open" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Complaints.Office.open ?> (<?cs var:Counts.open ?>)</a> ·
  <a href="/office/complaints/?show=overdue"<?cs if:Filter.show == "overdue" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Complaints.Office.overdue ?> (<span id="overdue-count"><?cs var:Counts.overdue ?></span>)</a> ·
  <a href="/office/complaints/?show=all"<?cs if:Filter.show == "all" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Complaints.Office.all ?></a> ·
  <a href="/office/complaints/stars"><?cs var:Lang.Complaints.Office.stars ?></a></p>
<?cs if:subcount(Complaints) ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.Complaints.Office.list ?>">
<table class="data-table" id="complaints">
  <thead><tr><th scope="col"><?cs var:Lang.Complaints.tracking_no ?></th><th scope="col"><?cs var:Lang.Complaints.f_what ?></th><th scope="col"><?cs var:Lang.Complaints.steps ?></th><th scope="col"><?cs var:Lang.Complaints.Office.answer_due ?></th></tr></thead>
  <tbody>
  <?cs each:c = Complaints ?>
  <tr id="c-<?cs var:c.no ?>"><td><a href="/office/complaints/<?cs var:c.id ?>"><?cs var:c.no ?></a><br><span class="muted"><?cs var:Lang.Complaints.Kind[c.kind] ?> · <?cs var:c.received_at ?></span></td>
    <td><?cs var:c.what ?><?cs if:c.department ?><br><span class="muted"><?cs var:c.department ?></span><?cs /if ?></td>
    <td><?cs var:Lang.Complaints.Status[c.status] ?><?cs if:c.ack_overdue == 1 ?><br><span class="overdue"><?cs var:Lang.Complaints.Office.ack_overdue ?></span><?cs /if ?></td>
    <td><?cs var:c.answer_due ?><?cs if:c.answer_overdue == 1 ?><br><span class="overdue"><?cs var:Lang.Complaints.Office.answer_overdue ?></span><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?><p><?cs var:Lang.Complaints.Office.none ?></p><?cs /if ?>
<?cs include:"layout/footer.cs" ?>
