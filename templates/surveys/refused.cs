<?cs set:t = Refused + "_title" ?><?cs set:Page.title = Lang.Surveys.Refused[t] ?><?cs set:Page.section = "surveys" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Surveys.Refused[t] ?></h1>
<p><?cs var:Lang.Surveys.Refused[Refused] ?></p>
<p><a href="/surveys/"><?cs var:Lang.Surveys.title ?></a> · <a href="/"><?cs var:Lang.Surveys.back_home ?></a></p>
<?cs include:"layout/footer.cs" ?>
