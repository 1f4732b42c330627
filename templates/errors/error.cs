<?cs set:Page.title = Error.title ?><?cs include:"layout/header.cs" ?>
<div class="error-page">
  <h1 class="page-title"><?cs var:Error.title ?></h1>
  <p><?cs var:Error.text ?></p>
  <p><a class="button" href="<?cs if:Page.office ?>/office/<?cs else ?>/<?cs /if ?>"><?cs var:Lang.back_home ?></a></p>
</div>
<?cs include:"layout/footer.cs" ?>
