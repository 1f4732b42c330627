<?cs set:Page.title = Lang.Surveys.thanks_title ?><?cs set:Page.section = "surveys" ?><?cs include:"layout/header.cs" ?>
<div class="notification-banner notification-success" role="status"><h1 class="page-title"><?cs var:Lang.Surveys.thanks_title ?></h1>
<p><?cs var:Lang.Surveys.thanks_body ?></p></div>
<p><a href="/"><?cs var:Lang.Surveys.back_home ?></a></p>
<?cs include:"layout/footer.cs" ?>
