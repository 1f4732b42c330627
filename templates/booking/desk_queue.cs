<?cs # The desk's queues of today's sessions (queue.c): call, skip, put back. ?>
<?cs if:subcount(Queues) ?>
<h2 id="queues"><?cs var:Lang.Queue.desk_title ?></h2>
<div class="queue-boards">
<?cs each:s = Queues ?>
<section class="queue-board" id="queue-<?cs var:s.id ?>" aria-labelledby="queue-<?cs var:s.id ?>-title">
  <h3 id="queue-<?cs var:s.id ?>-title"><?cs var:s.department ?> · <?cs var:s.doctor ?> · <?cs var:Lang.Booking.Period[s.period] ?></h3>
  <p><?cs var:Lang.Queue.current ?>:<?cs if:s.called.queue_no ?><strong class="big-number queue-current"><?cs var:s.called.queue_no ?></strong> <?cs var:s.called.patient_name ?><?cs else ?><?cs var:Lang.Queue.none_called ?><?cs /if ?> · <?cs var:Lang.Queue.waiting ?> <?cs var:s.waiting ?></p>
  <form class="button-group" method="post" action="/office/desk/queue/<?cs var:s.id ?>">
    <?cs call:csrf_field() ?><input type="hidden" name="department" value="<?cs var:Today.department ?>">
    <button class="button" type="submit" name="action" value="next"><?cs var:Lang.Queue.next ?></button>
    <?cs if:s.called.queue_no ?><button class="button button-secondary" type="submit" name="action" value="skip"><?cs var:Lang.Queue.skip ?></button><?cs /if ?>
  </form>
  <?cs if:subcount(s.line) ?>
  <ol class="queue-line">
    <?cs each:q = s.line ?><li><strong><?cs var:q.queue_no ?></strong> <?cs var:q.patient_name ?> <span class="muted"><?cs var:q.slot ?><?cs if:q.late == 1 ?> · <?cs var:Lang.Queue.late ?><?cs /if ?></span></li><?cs /each ?>
  </ol>
  <?cs /if ?>
  <?cs if:subcount(s.skipped) ?>
  <h4><?cs var:Lang.Queue.skipped ?></h4>
  <ul class="queue-skipped">
    <?cs each:q = s.skipped ?><li><form class="inline-form" method="post" action="/office/desk/queue/<?cs var:s.id ?>">
      <?cs call:csrf_field() ?><input type="hidden" name="department" value="<?cs var:Today.department ?>"><input type="hidden" name="ticket" value="<?cs var:q.queue_no ?>">
      <strong><?cs var:q.queue_no ?></strong> <?cs var:q.patient_name ?>
      <button class="button button-secondary" type="submit" name="action" value="recall" aria-label="<?cs var:Lang.Queue.recall ?> <?cs var:q.queue_no ?>"><?cs var:Lang.Queue.recall ?></button>
    </form></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /each ?>
</div>
<?cs /if ?>
