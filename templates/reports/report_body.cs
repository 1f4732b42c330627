<?cs # The report itself: header facts, its state, the items by panel.  Used
     by the report page and the printable view. ?>
<dl class="report-facts">
  <div><dt><?cs var:Lang.Reports.patient ?></dt><dd id="report-patient"><?cs var:Report.patient_name ?></dd></div>
  <div><dt><?cs var:Lang.Reports.sex ?></dt><dd><?cs var:Lang.Reports.Sex[Report.sex] ?><?cs if:Report.age != "" ?> · <?cs var:Report.age ?> 岁<?cs elif:Report.age_text ?> · <?cs var:Report.age_text ?><?cs /if ?></dd></div>
  <div><dt><?cs var:Lang.Reports.barcode ?></dt><dd id="report-barcode"><?cs var:Report.barcode ?></dd></div>
  <?cs if:Report.department ?><div><dt><?cs var:Lang.Reports.department ?></dt><dd><?cs var:Report.department ?></dd></div><?cs /if ?>
  <?cs if:Report.doctor ?><div><dt><?cs var:Lang.Reports.doctor ?></dt><dd><?cs var:Report.doctor ?></dd></div><?cs /if ?>
  <?cs if:Report.specimen ?><div><dt><?cs var:Lang.Reports.specimen ?></dt><dd><?cs var:Report.specimen ?></dd></div><?cs /if ?>
  <?cs if:Report.collected ?><div><dt><?cs var:Lang.Reports.collected ?></dt><dd><?cs var:Report.collected ?></dd></div><?cs /if ?>
  <?cs if:Report.received ?><div><dt><?cs var:Lang.Reports.received ?></dt><dd><?cs var:Report.received ?></dd></div><?cs /if ?>
  <?cs if:Report.reported ?><div><dt><?cs var:Lang.Reports.reported ?></dt><dd id="report-time"><?cs var:Report.reported ?></dd></div><?cs /if ?>
  <div><dt><?cs var:Lang.Reports.status ?></dt><dd id="report-status"><?cs var:Lang.Reports.State[Report.status] ?></dd></div>
</dl>
<?cs if:Report.status == "cancelled" ?>
<div class="report-banner report-cancelled" id="report-cancelled" role="status">
  <h2><?cs var:Lang.Reports.cancelled_title ?></h2>
  <p><?cs var:Lang.Reports.cancelled_text ?></p>
</div>
<?cs elif:Report.status == "registered" || Report.status == "in_progress" ?>
<div class="report-banner report-pending" id="report-pending" role="status">
  <?cs if:Report.expected ?>
  <h2>检验中,预计 <?cs var:Report.expected ?> 可取</h2>
  <?cs if:Report.late == 1 ?><p><?cs var:Lang.Reports.pending_late ?></p><?cs else ?><p><?cs var:Lang.Reports.pending_text ?></p><?cs /if ?>
  <?cs else ?>
  <h2><?cs var:Lang.Reports.pending_unknown ?></h2>
  <?cs /if ?>
  <p><a href="/reports/turnaround"><?cs var:Lang.Reports.turnaround_link ?></a></p>
</div>
<?cs else ?>
<?cs if:Report.status == "preliminary" ?><div class="report-banner report-preliminary" id="report-preliminary" role="status"><p><?cs var:Lang.Reports.preliminary_banner ?></p></div><?cs /if ?>
<?cs if:Report.status == "corrected" ?><div class="report-banner report-corrected" id="report-corrected" role="status"><p>本报告已于 <?cs var:Report.corrected ?> 更正,下表是更正后的结果;被更正的项目标有“已更正”。</p></div><?cs /if ?>
<?cs if:Report.has_critical ?><div class="report-banner report-critical" id="report-critical" role="alert"><p><strong><?cs var:Lang.Reports.critical_banner ?></strong></p></div><?cs /if ?>
<?cs set:panel = "" ?>
<?cs each:it = Items ?>
<?cs if:it.panel_code != panel ?><?cs if:panel != "" ?></tbody></table><?cs /if ?><?cs set:panel = it.panel_code ?>
<h2 class="panel-title"><?cs var:it.panel_name ?></h2>
<table class="report-table">
  <thead><tr><th scope="col"><?cs var:Lang.Reports.item ?></th><th scope="col"><?cs var:Lang.Reports.value ?></th><th scope="col"><?cs var:Lang.Reports.flag ?></th><th scope="col"><?cs var:Lang.Reports.range ?></th><?cs if:Report.has_prev ?><th scope="col" class="col-prev"><?cs var:Lang.Reports.previous ?></th><?cs /if ?></tr></thead>
  <tbody>
<?cs /if ?>
  <tr class="item<?cs if:it.critical == 1 ?> item-critical<?cs elif:it.flag != "" && it.flag != "N" ?> item-abnormal<?cs /if ?>" data-code="<?cs var:it.code ?>">
    <th scope="row" class="item-name"><?cs var:it.name ?><?cs if:it.status == "C" ?> <span class="tag tag-corrected"><?cs var:Lang.Reports.item_corrected ?></span><?cs elif:it.status == "P" ?> <span class="tag"><?cs var:Lang.Reports.item_preliminary ?></span><?cs /if ?><?cs if:it.comment ?><span class="item-comment"><?cs var:Lang.Reports.comment ?>:<?cs var:it.comment ?></span><?cs /if ?></th>
    <td class="item-value"><?cs if:it.value_type == "ED" || it.value_type == "RP" ?><?cs var:Lang.Reports.attachment ?><?cs else ?><strong><?cs var:it.value ?></strong><?cs if:it.unit ?> <span class="item-unit"><?cs var:it.unit ?></span><?cs /if ?><?cs /if ?></td>
    <td class="item-flag"><?cs if:it.flag != "" && it.flag != "N" ?><span class="flag flag-<?cs var:it.flag ?>"><?cs var:Lang.Reports.Flag[it.flag] ?></span><?cs /if ?></td>
    <td class="item-range"><?cs if:it.range ?><span class="cell-label"><?cs var:Lang.Reports.range ?> </span><?cs var:it.range ?><?cs /if ?></td>
    <?cs if:Report.has_prev ?><td class="item-prev col-prev"><?cs if:it.prev.value ?><span class="cell-label"><?cs var:Lang.Reports.previous ?> </span><?cs var:it.prev.value ?><?cs if:it.prev.flag != "" && it.prev.flag != "N" ?> <?cs var:Lang.Reports.Flag[it.prev.flag] ?><?cs /if ?> <span class="muted">(<?cs var:it.prev.date ?>)</span><?cs /if ?></td><?cs /if ?>
  </tr>
<?cs /each ?>
<?cs if:panel != "" ?></tbody></table><?cs /if ?>
<details class="flags-note"<?cs if:Report.has_flags ?> open<?cs /if ?>>
  <summary><?cs var:Lang.Reports.flags_title ?></summary>
  <p><?cs var:Lang.Reports.flags_text ?></p>
</details>
<?cs /if ?>
