<!DOCTYPE html>
<html lang="zh-CN"<?cs if:Cookie.textsize == "large" ?> class="text-large"<?cs /if ?>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><?cs if:Page.refresh ?>
<meta http-equiv="refresh" content="<?cs var:Page.refresh ?>"><?cs /if ?>
<title><?cs if:Page.title ?><?cs var:Page.title ?> - <?cs /if ?><?cs var:Site.name ?></title>
<link rel="stylesheet" href="/static/css/portal.css">
<link rel="stylesheet" href="/static/css/print.css" media="print">
<?cs if:Page.css ?><link rel="stylesheet" href="/static/css/<?cs var:url_escape(Page.css) ?>.css"><?cs /if ?>
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
</head>
<body<?cs if:Page.office ?> class="office"<?cs /if ?>>
<a class="skip-link" href="#main"><?cs var:Lang.skip_to_content ?></a>
<header class="site-header">
  <div class="container header-inner">
    <?cs if:Page.office ?>
    <a class="site-name" href="/office/"><?cs var:Site.short_name ?> · <?cs var:Lang.Office.title ?></a>
    <?cs else ?>
    <a class="site-name" href="/"><img src="/static/img/logo.svg" alt="" width="28" height="28"> <?cs var:Site.name ?></a>
    <?cs /if ?>
    <?cs if:Cookie.textsize == "large" ?>
    <a class="text-size-toggle" href="/prefs/text-size?size=normal&amp;back=<?cs var:url_escape(CGI.RequestURI) ?>"><?cs var:Lang.text_normal ?></a>
    <?cs else ?>
    <a class="text-size-toggle" href="/prefs/text-size?size=large&amp;back=<?cs var:url_escape(CGI.RequestURI) ?>"><?cs var:Lang.text_large ?></a>
    <?cs /if ?>
  </div>
  <nav class="site-nav container" aria-label="<?cs var:Lang.menu ?>">
    <ul>
    <?cs if:Page.office ?>
      <?cs if:User.username ?>
      <li><a href="/office/"><?cs var:Lang.Office.home ?></a></li>
      <?cs if:User.role.desk || User.role.admin ?>
      <li><a href="/office/desk"><?cs var:Lang.Desk.title ?></a></li>
      <?cs /if ?>
      <?cs if:User.role.volunteer ?>
      <li><a href="/office/volunteers/"><?cs var:Lang.Vol.office_title ?></a></li>
      <?cs /if ?>
      <?cs if:User.role.office || User.role.admin ?>
      <li><a href="/office/sessions"><?cs var:Lang.Stop.title ?></a></li>
      <li><a href="/office/notices/"><?cs var:Lang.Notice.manage ?></a></li>
      <li><a href="/office/fees/"><?cs var:Lang.Fees.office_title ?></a></li>
      <li><a href="/office/audit"><?cs var:Lang.Office.audit ?></a></li>
      <li><a href="/office/surveys/"><?cs var:Lang.Nav.surveys ?></a></li>
      <li><a href="/office/complaints/"><?cs var:Lang.Nav.complaints ?></a></li>
      <?cs /if ?>
      <li>
        <form class="inline-form" method="post" action="/office/logout">
          <input type="hidden" name="_csrf" value="<?cs var:CSRF.token ?>">
          <button class="button button-secondary" type="submit"><?cs var:Lang.Office.logout ?></button>
        </form>
      </li>
      <?cs /if ?>
    <?cs else ?>
      <li><a href="/"<?cs if:Page.path == "/" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.home ?></a></li>
      <li><a href="/booking/"<?cs if:Page.section == "booking" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.booking ?></a></li>
      <li><a href="/notices/"<?cs if:Page.section == "notices" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.notices ?></a></li>
      <li><a href="/reports/"<?cs if:Page.section == "reports" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.reports ?></a></li>
      <li><a href="/complaints/"<?cs if:Page.section == "complaints" || Page.section == "surveys" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.complaints ?></a></li>
    <?cs /if ?>
    </ul>
  </nav>
</header>
<main id="main" class="container">
