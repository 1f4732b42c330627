<?cs set:Page.title = Notice.title ?><?cs set:Page.section = "notices" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/"><?cs var:Lang.home ?></a></li><li><a href="/notices/"><?cs var:Lang.Notices.title ?></a></li></ol></nav>
<?cs include:"notices/article.cs" ?>
<p><a href="/notices/"><?cs var:Lang.Notices.back ?></a></p>
<?cs include:"layout/footer.cs" ?>
