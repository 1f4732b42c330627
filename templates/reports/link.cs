<?cs set:Page.title = Lang.Reports.Link[Link + "_title"] ?><?cs set:Page.section = "reports" ?><?cs include:"layout/header.cs" ?>
<div class="error-page">
  <h1 class="page-title" id="link-refusal"><?cs var:Lang.Reports.Link[Link + "_title"] ?></h1>
  <p><?cs var:Lang.Reports.Link[Link + "_text"] ?></p>
  <p><a class="button" href="/reports/"><?cs var:Lang.Reports.Link.again ?></a></p>
</div>
<?cs include:"layout/footer.cs" ?>
