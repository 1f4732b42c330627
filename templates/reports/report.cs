<?cs set:Page.title = Lang.Reports.report ?><?cs set:Page.section = "reports" ?><?cs include:"layout/header.cs" ?>
<link rel="stylesheet" href="/static/css/reports.css">
<h1 class="page-title"><?cs var:Lang.Reports.report ?></h1>
<?cs include:"reports/report_body.cs" ?>
<ul class="report-actions">
  <?cs if:Report.status == "preliminary" || Report.status == "final" || Report.status == "corrected" ?>
  <li><a class="button" id="print-link" href="/reports/print?t=<?cs var:url_escape(Links.t) ?>"><?cs var:Lang.Reports.print ?></a></li>
  <?cs /if ?>
  <li><a href="/reports/"><?cs var:Lang.Reports.back ?></a></li>
</ul>
<p class="muted"><?cs var:Lang.Reports.privacy ?></p>
<?cs include:"layout/footer.cs" ?>
