</main>
<footer class="site-footer">
  <div class="container">
    <p><strong><?cs var:Site.name ?></strong></p>
    <address><?cs var:Site.address ?></address>
    <ul class="phones">
      <?cs each:phone = Site.phones ?>
      <li<?cs if:phone.emergency ?> class="emergency"<?cs /if ?>><?cs var:phone.label ?>:<a href="tel:<?cs var:phone.number ?>"><?cs var:phone.number ?></a></li>
      <?cs /each ?>
    </ul>
    <p><?cs var:Lang.Footer.about ?><?cs if:!Page.office ?> <a href="/office/login"><?cs var:Lang.Footer.office ?></a><?cs /if ?></p>
  </div>
</footer>
</body>
</html>
