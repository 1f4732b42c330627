<?cs set:Page.title = Lang.Complaints.filed_title ?><?cs set:Page.section = "complaints" ?><?cs include:"layout/header.cs" ?>
<div class="notification-banner notification-success" role="status">
<h1 class="page-title"><?cs var:Lang.Complaints.filed_title ?></h1>
<p><?cs var:Lang.Complaints.tracking_no ?>:<strong id="tracking-no"><?cs var:Filed.no ?></strong></p>
<p><?cs var:Lang.Complaints.filed_body ?></p>
</div>
<p><a href="/complaints/status?no=<?cs var:url_escape(Filed.no) ?>"><?cs var:Lang.Complaints.check_status ?></a></p>
<?cs include:"layout/footer.cs" ?>
