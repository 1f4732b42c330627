<?cs set:Page.title = Department.name + Lang.Queue.display_title ?><?cs set:Page.section = "booking" ?><?cs set:Page.refresh = 15 ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Department.name ?> <?cs var:Lang.Queue.display_title ?></h1>
<p class="muted"><?cs var:Department.location ?> · <?cs var:Lang.Queue.updated ?> <?cs var:Now.time ?></p>
<?cs if:subcount(Queues) ?>
<ul class="queue-display">
<?cs each:s = Queues ?>
  <li class="queue-screen" id="screen-<?cs var:s.id ?>">
    <h2><?cs var:s.doctor ?> <span class="muted"><?cs var:Lang.Booking.Period[s.period] ?></span></h2>
    <p class="queue-now"><?cs var:Lang.Queue.current ?> <strong class="queue-number"><?cs if:s.current ?><?cs var:s.current ?><?cs else ?>—<?cs /if ?></strong></p>
    <p><?cs var:Lang.Queue.next_up ?>:<?cs each:q = s.line ?><span class="queue-next"><?cs var:q.queue_no ?></span> <?cs /each ?><?cs if:!subcount(s.line) ?>—<?cs /if ?></p>
  </li>
<?cs /each ?>
</ul>
<?cs else ?>
<p><?cs var:Lang.Queue.no_sessions ?></p>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
