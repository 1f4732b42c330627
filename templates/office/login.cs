<?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Login.title ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Login.title ?></h1>
<p class="lead"><?cs var:Lang.Login.lead ?></p>
<?cs if:Query.done == "logout" ?><div class="notification-banner notification-success" role="status"><?cs var:Lang.Login.logged_out ?></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/office/login" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.next ?><input type="hidden" name="next" value="<?cs var:Form.next ?>"><?cs /if ?>
  <?cs call:text_field("username", "text", Lang.Login.username, "", Form.username, Form.username.error, 64, "username") ?>
  <?cs call:text_field("password", "password", Lang.Login.password, "", "", Form.password.error, 256, "current-password") ?>
  <button class="button" type="submit"><?cs var:Lang.Login.submit ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
