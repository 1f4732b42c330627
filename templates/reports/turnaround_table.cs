<table class="data-table turnaround-table" id="turnaround">
  <thead><tr><th scope="col"><?cs var:Lang.Reports.panel ?></th><th scope="col"><?cs var:Lang.Reports.minutes ?></th><th scope="col"><?cs var:Lang.Reports.note ?></th></tr></thead>
  <tbody>
  <?cs each:t = Turnaround ?>
  <tr><th scope="row"><?cs var:t.panel_name ?></th>
    <td><?cs if:t.minutes < 60 ?><?cs var:t.minutes ?> 分钟<?cs elif:t.m == 0 ?><?cs var:t.h ?> 小时<?cs else ?><?cs var:t.h ?> 小时 <?cs var:t.m ?> 分钟<?cs /if ?></td>
    <td><?cs var:t.note ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
