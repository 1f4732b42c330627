<?cs # The patient's place in the waiting-room queue (queue.c), once checked in today. ?>
<?cs if:Queue.queue_no ?>
<section class="notification-banner queue-place" id="queue-place" aria-labelledby="queue-title">
  <h2 id="queue-title"><?cs var:Lang.Queue.your_number ?> <strong class="big-number" id="queue-no"><?cs var:Queue.queue_no ?></strong></h2>
  <?cs if:Queue.state == "called" ?><p id="queue-state"><strong><?cs var:Lang.Queue.your_turn ?></strong></p>
  <?cs elif:Queue.state == "skipped" ?><p id="queue-state"><?cs var:Lang.Queue.you_were_skipped ?></p>
  <?cs elif:Queue.state == "done" ?><p id="queue-state"><?cs var:Lang.Queue.seen ?></p>
  <?cs else ?>
  <p><?cs var:Lang.Queue.current ?>:<strong id="queue-current"><?cs if:Queue.current ?><?cs var:Queue.current ?><?cs else ?><?cs var:Lang.Queue.none_called ?><?cs /if ?></strong></p>
  <?cs if:Queue.ahead == 0 ?><p><?cs var:Lang.Queue.ahead_prefix ?><strong id="queue-ahead">0</strong><?cs var:Lang.Queue.next_is_you ?></p>
  <?cs else ?><p><?cs var:Lang.Queue.ahead_prefix ?><strong id="queue-ahead"><?cs var:Queue.ahead ?></strong><?cs var:Lang.Queue.ahead_suffix ?><?cs var:#Queue.ahead * #Queue.per_patient ?><?cs var:Lang.Queue.minutes ?></p><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>
