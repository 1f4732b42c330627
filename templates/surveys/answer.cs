<?cs if:Form.action == "phone" ?><?cs set:Page.office = 1 ?><?cs set:Page.title = Lang.Surveys.phone_title ?><?cs else ?><?cs set:Page.title = Survey.title ?><?cs set:Page.section = "surveys" ?><?cs /if ?><?cs include:"layout/macros.cs" ?><?cs include:"layout/header.cs" ?>
<h1 class="page-title"><?cs var:Survey.title ?></h1>
<?cs if:Form.action == "phone" ?><p class="lead"><strong><?cs var:Lang.Surveys.phone_title ?></strong>:<?cs var:Lang.Surveys.phone_lead ?></p>
<?cs else ?><p class="lead"><?cs var:Lang.Surveys.lead ?></p><?cs /if ?>
<?cs if:RefusalText ?><div class="error-summary" role="alert"><p class="error-summary-title"><?cs var:RefusalText ?></p></div><?cs /if ?>
<?cs call:error_summary() ?>
<form class="form" method="post" action="<?cs if:Form.action == "phone" ?>/office/surveys/<?cs var:Survey.id ?>/followup<?cs elif:Form.action == "invited" ?>/surveys/answer<?cs else ?>/surveys/<?cs var:Survey.id ?><?cs /if ?>" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.inv ?><input type="hidden" name="inv" value="<?cs var:Form.inv ?>"><?cs /if ?>
  <?cs if:Form.no ?><input type="hidden" name="no" value="<?cs var:Form.no ?>"><input type="hidden" name="t" value="<?cs var:Form.t ?>"><?cs /if ?>
  <?cs if:!Survey.department_id && subcount(Departments) ?>
  <?cs call:field_start("department", Lang.Surveys.department, Lang.Surveys.department_hint, "") ?>
    <select class="form-select" id="f-department" name="department" aria-describedby="f-department-hint">
      <option value=""><?cs var:Lang.Surveys.department_none ?></option>
      <?cs each:d = Departments ?><option value="<?cs var:d.id ?>"<?cs if:Form.department == d.id ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?>
    </select>
  </div>
  <?cs /if ?>
  <?cs each:q = Survey.questions ?><?cs set:qn = "q" + q.id ?>
  <div class="form-group survey-question<?cs if:Form[qn].error ?> form-group-error<?cs /if ?>">
  <?cs if:q.kind == "text" ?>
    <label class="form-label" for="f-<?cs var:qn ?>"><?cs var:q.position ?>. <?cs var:q.prompt ?><?cs if:!q.required ?>(<?cs var:Lang.Surveys.optional ?>)<?cs /if ?></label>
    <?cs if:Form[qn].error ?><p class="form-error-message" id="f-<?cs var:qn ?>-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form[qn].error ?></p><?cs /if ?>
    <textarea class="form-textarea" id="f-<?cs var:qn ?>" name="<?cs var:qn ?>" rows="3"<?cs if:Form[qn].error ?> aria-describedby="f-<?cs var:qn ?>-error" aria-invalid="true"<?cs /if ?>><?cs var:Form[qn] ?></textarea>
  <?cs else ?>
    <fieldset<?cs if:Form[qn].error ?> aria-describedby="f-<?cs var:qn ?>-error"<?cs /if ?>>
      <legend><?cs var:q.position ?>. <?cs var:q.prompt ?><?cs if:!q.required ?>(<?cs var:Lang.Surveys.optional ?>)<?cs /if ?><?cs if:q.kind == "multiple" ?>(<?cs var:Lang.Surveys.multiple_hint ?>)<?cs /if ?></legend>
      <?cs if:Form[qn].error ?><p class="form-error-message" id="f-<?cs var:qn ?>-error"><span class="visually-hidden"><?cs var:Lang.error_prefix ?></span><?cs var:Form[qn].error ?></p><?cs /if ?>
      <?cs if:q.kind == "rating" ?>
      <div class="rating-scale">
        <?cs loop:k = 1, 5, 1 ?>
        <div class="rating"><input type="radio" id="f-<?cs var:qn ?><?cs if:k != 1 ?>-<?cs var:k ?><?cs /if ?>" name="<?cs var:qn ?>" value="<?cs var:k ?>"<?cs if:Form[qn] == k ?> checked<?cs /if ?>><label for="f-<?cs var:qn ?><?cs if:k != 1 ?>-<?cs var:k ?><?cs /if ?>"><span class="rating-n"><?cs var:k ?><span class="visually-hidden"> <?cs var:Lang.Surveys.points ?> </span></span><span class="rating-word"><?cs var:Lang.Surveys.Rating[k] ?></span></label></div>
        <?cs /loop ?>
      </div>
      <?cs elif:q.kind == "single" ?>
        <?cs each:o = q.options ?>
        <div class="form-radio"><input type="radio" id="f-<?cs var:qn ?><?cs if:o.n != 1 ?>-<?cs var:o.n ?><?cs /if ?>" name="<?cs var:qn ?>" value="<?cs var:o.n ?>"<?cs if:Form[qn] == o.n ?> checked<?cs /if ?>><label for="f-<?cs var:qn ?><?cs if:o.n != 1 ?>-<?cs var:o.n ?><?cs /if ?>"><?cs var:o.label ?></label></div>
        <?cs /each ?>
      <?cs else ?>
        <?cs each:o = q.options ?><?cs set:box = qn + "_" + o.n ?>
        <div class="form-checkbox"><input type="checkbox" id="f-<?cs var:qn ?><?cs if:o.n != 1 ?>-<?cs var:o.n ?><?cs /if ?>" name="<?cs var:box ?>" value="1"<?cs if:Form[box] ?> checked<?cs /if ?>><label for="f-<?cs var:qn ?><?cs if:o.n != 1 ?>-<?cs var:o.n ?><?cs /if ?>"><?cs var:o.label ?></label></div>
        <?cs /each ?>
      <?cs /if ?>
    </fieldset>
  <?cs /if ?>
  </div>
  <?cs /each ?>
  <button class="button" type="submit"><?cs if:Form.action == "phone" ?><?cs var:Lang.Surveys.phone_submit ?><?cs else ?><?cs var:Lang.Surveys.submit ?><?cs /if ?></button>
</form>
<?cs include:"layout/footer.cs" ?>
