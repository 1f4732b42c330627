<?cs set:Page.office = 1 ?><?cs if:Notice.id ?><?cs set:Page.title = Lang.Notice.edit ?><?cs else ?><?cs set:Page.title = Lang.Notice.new ?><?cs /if ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Page.title ?></h1>
<?cs call:error_summary() ?>
<form class="form" method="post" action="<?cs if:Notice.id ?>/office/notices/<?cs var:Notice.id ?>/edit<?cs else ?>/office/notices/new<?cs /if ?>" novalidate>
  <?cs call:csrf_field() ?>
  <?cs call:text_field("title", "text", Lang.Notice.title, Lang.Notice.title_hint, Form.title, Form.title.error, 200, "off") ?>

  <?cs call:field_start("category", Lang.Notice.category, "", Form.category.error) ?>
    <select class="form-select" id="f-category" name="category"<?cs if:Form.category.error ?> aria-invalid="true" aria-describedby="f-category-error"<?cs /if ?>>
      <?cs each:c = Lang.Category ?>
      <option value="<?cs name:c ?>"<?cs if:Form.category == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option>
      <?cs /each ?>
    </select>
  </div>

  <?cs call:textarea_field("body", Lang.Notice.body, Lang.Notice.body_hint, Form.body, Form.body.error, 12) ?>
  <?cs call:text_field("publish_at", "datetime-local", Lang.Notice.publish_at, Lang.Notice.publish_at_hint, Form.publish_at, Form.publish_at.error, 0, "off") ?>
  <?cs call:text_field("expire_at", "datetime-local", Lang.Notice.expire_at, Lang.Notice.expire_at_hint, Form.expire_at, Form.expire_at.error, 0, "off") ?>

  <div class="form-group">
    <div class="form-checkbox">
      <input id="f-pinned" name="pinned" type="checkbox" value="1"<?cs if:Form.pinned ?> checked<?cs /if ?>>
      <label for="f-pinned"><?cs var:Lang.Notice.pinned ?></label>
    </div>
  </div>

  <div class="button-group">
  <?cs if:Notice.id ?>
    <button class="button" type="submit"><?cs var:Lang.Notice.save ?></button>
    <a class="button button-secondary" href="/office/notices/<?cs var:Notice.id ?>"><?cs var:Lang.Notice.cancel ?></a>
  <?cs else ?>
    <button class="button" type="submit" name="action" value="publish"><?cs var:Lang.Notice.save_publish ?></button>
    <button class="button button-secondary" type="submit" name="action" value="draft"><?cs var:Lang.Notice.save_draft ?></button>
  <?cs /if ?>
  </div>
</form>
<?cs include:"layout/footer.cs" ?>
