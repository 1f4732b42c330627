<?cs set:Page.title = Lang.Vol.apply_title ?><?cs set:Page.section = "volunteers" ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/volunteers/"><?cs var:Lang.Vol.title ?></a></li></ol></nav>
<h1 class="page-title"><?cs var:Lang.Vol.apply_title ?></h1>
<?cs if:Call.accepting != 1 ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:Lang.Vol.closed ?></h2></div>
<?cs else ?>
<?cs if:Refusal ?>
<div class="error-summary" role="alert" tabindex="-1" id="refusal"><h2 class="error-summary-title"><?cs var:RefusalText ?></h2></div>
<?cs /if ?>
<p class="lead"><?cs var:Lang.Vol.apply_lead ?></p>
<?cs call:error_summary() ?>
<form class="form" method="post" action="/volunteers/apply" novalidate>
  <?cs call:csrf_field() ?>
  <h2><?cs var:Lang.Vol.part_person ?></h2>
  <?cs call:text_field("name", "text", Lang.Vol.f_name, "", Form.name, Form.name.error, 32, "name") ?>
  <?cs call:text_field("id_number", "text", Lang.Vol.f_id_number, Lang.Vol.f_id_hint, Form.id_number, Form.id_number.error, 40, "off") ?>
  <?cs if:Derived.sex ?><p id="derived-sex"><?cs var:Lang.Vol.f_sex ?>:<?cs var:Lang.Vol.Sex[Derived.sex] ?></p><?cs /if ?>
  <?cs call:text_field("mobile", "tel", Lang.Vol.f_mobile, Lang.Vol.f_mobile_hint, Form.mobile, Form.mobile.error, 20, "tel-national") ?>
  <?cs call:text_field("email", "email", Lang.Vol.f_email, "", Form.email, Form.email.error, 100, "email") ?>
  <?cs call:text_field("address", "text", Lang.Vol.f_address, "", Form.address, Form.address.error, 200, "address-line1") ?>
  <?cs call:text_field("occupation", "text", Lang.Vol.f_occupation, "", Form.occupation, Form.occupation.error, 100, "organization") ?>
  <?cs call:field_start("political_status", Lang.Vol.f_political, "", Form.political_status.error) ?>
    <select class="form-select" id="f-political_status" name="political_status">
      <option value=""><?cs var:Lang.Vol.not_chosen ?></option>
      <?cs each:c = Lang.Vol.Political ?><option value="<?cs name:c ?>"<?cs if:Form.political_status == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?>
    </select>
  </div>
  <fieldset class="form-group<?cs if:Form.health_ok.error ?> form-group-error<?cs /if ?>" id="f-health_ok">
    <legend><?cs var:Lang.Vol.f_health_ok ?></legend>
    <?cs if:Form.health_ok.error ?><p class="form-error-message" id="f-health_ok-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form.health_ok.error ?></p><?cs /if ?>
    <div class="form-checkbox">
      <input id="f-health_ok-box" name="health_ok" type="checkbox" value="1"<?cs if:Form.health_ok ?> checked<?cs /if ?>>
      <label for="f-health_ok-box"><?cs var:Lang.Vol.f_health_ok_text ?></label>
    </div>
  </fieldset>
  <?cs call:textarea_field("health", Lang.Vol.f_health, Lang.Vol.f_health_hint, Form.health, Form.health.error, 2) ?>

  <h2><?cs var:Lang.Vol.part_service ?></h2>
  <fieldset class="form-group<?cs if:Form.availability.error ?> form-group-error<?cs /if ?>" id="f-availability" aria-describedby="f-availability-hint">
    <legend><?cs var:Lang.Vol.f_availability ?></legend>
    <span class="form-hint" id="f-availability-hint"><?cs var:Lang.Vol.f_availability_hint ?></span>
    <?cs if:Form.availability.error ?><p class="form-error-message" id="f-availability-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form.availability.error ?></p><?cs /if ?>
    <table class="data-table avail-grid">
      <thead><tr><td></td><?cs each:d = Lang.Vol.Day ?><th scope="col"><span aria-hidden="true"><?cs var:Lang.Vol.DayShort[name(d)] ?></span><span class="visually-hidden"><?cs var:d ?></span></th><?cs /each ?></tr></thead>
      <tbody>
      <?cs each:half = Lang.Vol.Half ?>
      <tr><th scope="row"><?cs var:half ?></th>
        <?cs each:d = Lang.Vol.Day ?><?cs set:cell = name(d) * 2 + name(half) ?>
        <td><input id="f-avail_<?cs var:cell ?>" name="avail_<?cs var:cell ?>" type="checkbox" value="1"<?cs if:Form.avail[cell] ?> checked<?cs /if ?>><label for="f-avail_<?cs var:cell ?>" class="visually-hidden"><?cs var:d ?><?cs var:half ?></label></td>
        <?cs /each ?>
      </tr>
      <?cs /each ?>
      </tbody>
    </table>
  </fieldset>
  <fieldset class="form-group<?cs if:Form.services.error ?> form-group-error<?cs /if ?>" id="f-services" aria-describedby="f-services-hint">
    <legend><?cs var:Lang.Vol.f_services ?></legend>
    <span class="form-hint" id="f-services-hint"><?cs var:Lang.Vol.f_services_hint ?></span>
    <?cs if:Form.services.error ?><p class="form-error-message" id="f-services-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form.services.error ?></p><?cs /if ?>
    <div class="check-columns">
    <?cs each:s = Lang.Vol.Service ?>
    <div class="form-checkbox"><input id="f-svc_<?cs name:s ?>" name="svc_<?cs name:s ?>" type="checkbox" value="1"<?cs if:Form.svc[name(s)] ?> checked<?cs /if ?>><label for="f-svc_<?cs name:s ?>"><?cs var:s ?></label></div>
    <?cs /each ?>
    </div>
  </fieldset>
  <?cs call:textarea_field("skills", Lang.Vol.f_skills, Lang.Vol.f_skills_hint, Form.skills, Form.skills.error, 2) ?>
  <fieldset class="form-group">
    <legend><?cs var:Lang.Vol.f_language_group ?></legend>
    <div class="check-columns">
    <div class="form-checkbox"><input id="f-lang_dialect" name="lang_dialect" type="checkbox" value="1"<?cs if:Form.lang_dialect ?> checked<?cs /if ?>><label for="f-lang_dialect"><?cs var:Lang.Vol.f_dialect ?></label></div>
    <div class="form-checkbox"><input id="f-lang_sign" name="lang_sign" type="checkbox" value="1"<?cs if:Form.lang_sign ?> checked<?cs /if ?>><label for="f-lang_sign"><?cs var:Lang.Vol.f_sign ?></label></div>
    </div>
  </fieldset>
  <?cs call:text_field("languages", "text", Lang.Vol.f_languages, Lang.Vol.f_languages_hint, Form.languages, Form.languages.error, 100, "off") ?>
  <?cs call:textarea_field("previous", Lang.Vol.f_previous, "", Form.previous, Form.previous.error, 2) ?>

  <h2><?cs var:Lang.Vol.part_contact ?></h2>
  <?cs call:text_field("emergency_name", "text", Lang.Vol.f_em_name, "", Form.emergency_name, Form.emergency_name.error, 32, "off") ?>
  <?cs call:text_field("emergency_relation", "text", Lang.Vol.f_em_relation, "", Form.emergency_relation, Form.emergency_relation.error, 20, "off") ?>
  <?cs call:text_field("emergency_mobile", "tel", Lang.Vol.f_em_mobile, "", Form.emergency_mobile, Form.emergency_mobile.error, 20, "tel-national") ?>

  <h2><?cs var:Lang.Vol.commitment ?></h2>
  <div class="notice-body" id="commitment"><?cs var:Call.commitment ?></div>
  <fieldset class="form-group<?cs if:Form.accept.error ?> form-group-error<?cs /if ?>" id="f-accept">
    <legend class="visually-hidden"><?cs var:Lang.Vol.f_accept ?></legend>
    <?cs if:Form.accept.error ?><p class="form-error-message" id="f-accept-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form.accept.error ?></p><?cs /if ?>
    <div class="form-checkbox">
      <input id="f-accept-box" name="accept" type="checkbox" value="1"<?cs if:Form.accept ?> checked<?cs /if ?>>
      <label for="f-accept-box"><?cs var:Lang.Vol.f_accept_text ?></label>
    </div>
  </fieldset>
  <button class="button" type="submit"><?cs var:Lang.Vol.submit ?></button>
</form>
<?cs /if ?>
<?cs include:"layout/footer.cs" ?>
