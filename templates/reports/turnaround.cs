<?cs set:Page.title = Lang.Reports.turnaround_title ?><?cs set:Page.section = "reports" ?><?cs include:"layout/header.cs" ?>
<link rel="stylesheet" href="/static/css/reports.css">
<h1 class="page-title"><?cs var:Lang.Reports.turnaround_title ?></h1>
<p class="lead"><?cs var:Lang.Reports.turnaround_lead ?></p>
<?cs include:"reports/turnaround_table.cs" ?>
<p><a href="/reports/"><?cs var:Lang.Reports.title ?></a></p>
<?cs include:"layout/footer.cs" ?>
