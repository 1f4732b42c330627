<?cs set:Page.title = Lang.Complaints.stars_title ?><?cs set:Page.section = "complaints" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Lang.Complaints.stars_title ?></h1>
<?cs if:Stars.id ?>
<h2><?cs var:Stars.title ?></h2>
<p class="muted"><?cs var:Lang.Complaints.stars_lead ?> · <?cs var:Stars.published_on ?></p>
<ol id="stars"><?cs each:s = Stars.entries ?><li><strong><?cs var:s.staff_name ?></strong> <?cs var:s.department ?> · <?cs var:Lang.Complaints.praise_count ?> <?cs var:s.praise_count ?></li><?cs /each ?></ol>
<?cs else ?><p><?cs var:Lang.Complaints.stars_none ?></p><?cs /if ?>
<p><a href="/complaints/?kind=praise"><?cs var:Lang.Complaints.praise_link ?></a></p>
<?cs include:"layout/footer.cs" ?>
