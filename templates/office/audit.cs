<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Office.audit ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Office.audit ?></h1>
<p class="lead"><?cs var:Lang.Office.audit_lead ?></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Page.title ?>">
<table class="data-table">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Office.audit_when ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_who ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_action ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_entity ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_before ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_after ?></th>
    <th scope="col"><?cs var:Lang.Office.audit_ip ?></th>
  </tr></thead>
  <tbody>
  <?cs each:a = Audit ?>
  <tr>
    <td><?cs var:a.at ?></td>
    <td><?cs var:a.username ?></td>
    <td><?cs var:a.action ?></td>
    <td><?cs var:a.entity ?> <?cs var:a.entity_id ?></td>
    <td><?cs if:a.before_json ?><pre class="json"><?cs var:a.before_json ?></pre><?cs /if ?></td>
    <td><?cs if:a.after_json ?><pre class="json"><?cs var:a.after_json ?></pre><?cs /if ?></td>
    <td><?cs var:a.ip ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs if:Paging.before ?><p><a href="/office/audit?before=<?cs var:Paging.before ?>"><?cs var:Lang.Office.audit_older ?></a></p><?cs /if ?>
<?cs include:"layout/footer.cs" ?>
