<?cs # Included by booking/confirmation.cs: after the visit, its survey. ?>
<?cs if:Booking.status == "checked_in" ?>
<section class="notification-banner" aria-labelledby="survey-offer-title">
  <h2 id="survey-offer-title"><?cs var:Lang.Surveys.offer_title ?></h2>
  <p><?cs var:Lang.Surveys.offer_body ?></p>
  <p><a href="/surveys/visit?<?cs var:Links.query ?>"><?cs var:Lang.Surveys.offer_link ?></a></p>
</section>
<?cs /if ?>
