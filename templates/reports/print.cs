<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Lang.Reports.report ?> - <?cs var:Site.name ?></title>
<link rel="stylesheet" href="/static/css/portal.css">
<link rel="stylesheet" href="/static/css/reports.css">
<link rel="stylesheet" href="/static/css/reports-print.css">
</head>
<body class="report-print paper-<?cs var:Print.paper ?>">
<div class="print-controls">
  <p><?cs var:Lang.Reports.print_lead ?></p>
  <ul class="report-actions">
    <li><?cs if:Print.paper == "80" ?><a href="/reports/print?t=<?cs var:url_escape(Links.t) ?>">A4</a><?cs else ?><a href="/reports/print?t=<?cs var:url_escape(Links.t) ?>&amp;paper=80">80 mm 小票</a><?cs /if ?></li>
    <li><a href="/reports/report?t=<?cs var:url_escape(Links.t) ?>">返回报告</a></li>
  </ul>
</div>
<main class="print-sheet" id="main">
  <header class="print-header">
    <p class="print-hospital"><?cs var:Site.name ?></p>
    <h1 class="print-title"><?cs var:Lang.Reports.report ?></h1>
  </header>
  <?cs include:"reports/report_body.cs" ?>
  <footer class="print-footer">
    <?cs if:Raw.qr_svg ?>
    <figure class="print-qr">
      <?cs uvar:Raw.qr_svg ?>
      <figcaption>扫码查看电子报告(有效期至 <?cs var:Print.until ?>)</figcaption>
    </figure>
    <?cs /if ?>
    <p><?cs var:Lang.Reports.printed_at ?>:<?cs var:Print.now ?></p>
    <p><?cs var:Lang.Reports.print_note ?></p>
    <p><?cs var:Site.address ?></p>
  </footer>
</main>
</body>
</html>
