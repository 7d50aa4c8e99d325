/**
 * The new-ticket form (`/submit`; docs/goc-pages.md §12), as `submit/form.phtml` and
 * `yourinfo.phtml` print it inside a Zend_Form: `form#submit_form[name=submit_form]` posting to
 * `<base>/submit/submit?`; Zend's default decorators around name, email, phone, title and detail
 * (`dt#<x>-label > label.required`, `dd#<x>-element > input#<x>` + `ul.errors` after a failed POST);
 * the routing checkboxes in `div.well`s that toggle their hidden areas through inline `onclick`s;
 * the CC editor of `cc_editor.php` (signed in) or a `div.g-recaptcha` placeholder (guests).
 *
 * `form` (a re-render after a failed POST, or the query of a GET): { values: {name → string},
 * ccs: string[], errors: {field → message[]} }. Zend escapes the values it prints (escapeHtml);
 * what the real page printed raw (CCs, the repopulating script's values) goes through safeText /
 * inlineJson, like the other renderers.
 */
import { PERSONAS, RESOURCE_ROWS, VO_ROWS } from '../personas.mjs';
import { escapeHtml, inlineJson, safeText } from '../fp.mjs';
import { can, page, pageFooter } from './layout.mjs';
import { fblist } from './fblist.mjs';

/** The resource and VO lists the form's fblists offer (OIM ids → labels; the real labels add the FQDN). */
export const SUBMIT_RESOURCES = RESOURCE_ROWS;
export const SUBMIT_VOS = VO_ROWS;

/** `select#app_issue_type` options, in the real order (retired ones are commented out there). */
export const APP_ISSUE_TYPES = [
  ['', '(Please Select)'],
  ['gracc_ops', 'GRACC Operations'],
  ['vdt', 'OSG Software Stack'],
  ['twiki', 'Twiki (twiki.grid.iu.edu)'],
  ['goc', '(Others)'],
];

/** Checkbox / field names the repopulating script restores (the real one reads $_REQUEST). */
const CHECKS = ['resource_issue_check', 'vo_issue_check', 'app_issue_check', 'security_issue_check', 'membership_issue_check', 'campusvorequest_issue_check'];
const SUB_CHECKS = ['security_issue_immediate', 'security_issue_available'];
const VALUES = ['app_issue_type', 'app_goc_url', 'membership_vo', 'campusvorequest_name', 'bdiiserver', 'bdiidown'];

/** One Zend_Form element with its default decorators (label in a dt, control and errors in a dd). */
function zendElement(name, label, control, errors = []) {
  const errs = errors.length ? `\n<ul class="errors">${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>` : '';
  return `<dt id="${name}-label"><label for="${name}" class="required">${label}</label></dt>\n<dd id="${name}-element">\n${control}${errs}</dd>`;
}

function textElement(name, label, value, errors) {
  return zendElement(name, label, `<input type="text" name="${name}" id="${name}" value="${escapeHtml(value ?? '')}">`, errors);
}

function yourInfo(v, values, errors) {
  const f = (name, label) => textElement(name, label, values[name], errors[name]);
  const staff = can(v.user, 'update');
  const span = staff ? 'span3' : 'span4';
  const careof = staff ? `<div class="span3 contact_populator">\n<label for="careof">Populate From</label>\n<input type='text' id="careof"/>\n</div>\n` : '';
  // The real page binds the autocomplete only for `admin` (yourinfo.phtml), though `update` shows the box.
  const script = can(v.user, 'admin')
    ? `<script type="text/javascript">
$(function() {
    $("#careof").autocomplete({
        source: persons,
        select: function(event, ui) {
            $("#name").val(ui.item.name);
            $("#email").val(ui.item.email);
            $("#phone").val(ui.item.phone);
        }
    });
});
</script>`
    : '';
  return `<div class="yourinfo">
<div class="row-fluid">
${careof}<div class="${span}">${f('name', 'Full Name')}</div>
<div class="${span}">${f('email', 'Email Address')}</div>
<div class="${span}">${f('phone', 'Phone Number')}</div>
</div><!--row-->
</div><!--yourinfo-->
${script}`;
}

/** `cc_editor.php`: addcc(), the page-global `persons` (every contact), the autocomplete set-up. */
function ccEditorScript() {
  const persons = [...PERSONAS.values()]
    .filter((p) => p.role !== 'pseudo')
    .map((p) => ({ label: `${p.name} <${p.email}>`, value: p.email, email: p.email, name: p.name, phone: p.phone }));
  return `<script type="text/javascript">
function addcc(node)
{
    var template = $("<div class=\\"input-append cc\\" style=\\"width: 100%;\\"><input class=\\"span12\\" type=\\"text\\" name=\\"cc[]\\"/><i onclick=\\"$(this).parents('div.cc').remove();return false;\\" class=\\"icon-remove\\"></i></div>");
    node.append(template);
    setup_cc();
}
var persons = ${inlineJson(persons)};
function setup_cc()
{
    $(".cc input").autocomplete({ source: persons });
}
$(function() {
    setup_cc();
});
</script>`;
}

function ccArea(ccs) {
  const rows = ccs
    .map((cc) => `<div class="cc" style="width: 100%;"><input type="text" class="span12" name="cc[]" value="${safeText(cc)}"/><i onclick="$(this).parents('div.cc').remove();return false;" class="icon-remove"></i></div>`)
    .join('');
  return `<label>CC</label>
<div class="ccarea">
${ccEditorScript()}
${rows}
</div>
<a class="btn btn-small" href="#" onclick="addcc($(this).siblings('div.ccarea'));return false;"><i class="icon-plus"></i> Add CC</a>`;
}

/** One routing checkbox in its well, toggling its area (`hidden` class, or display:none like the real page). */
function well(name, label, area, { hiddenClass = true, onclick } = {}) {
  const toggle = onclick ?? `$('#${name}_area').toggle();`;
  const areaAttr = hiddenClass ? 'class="hidden"' : 'style="display: none;"';
  return `<div class="well">
<input type="checkbox" name="${name}_check" id="${name}_check" onclick="${toggle}"> ${label}<br>
<div id="${name}_area" ${areaAttr}>
${area}
</div>
</div><!--well-->`;
}

function routing(selected) {
  const appOptions = APP_ISSUE_TYPES.map(([value, label]) => `<option value="${value}">${label}</option>`).join('\n');
  const voOptions = SUBMIT_VOS.map((x) => `<option value="${x.id}">${escapeHtml(x.name)}</option>`).join('\n');
  const left = [
    well('resource_issue', 'Resource', `<p class="help-block">Please enter resource name</p>\n${fblist('resource', SUBMIT_RESOURCES, selected.resource, 1)}`),
    well('vo_issue', 'Virtual Organization', `<p class="help-block">Please enter virtual organization name</p>\n${fblist('vo', SUBMIT_VOS, selected.vo, 1)}`),
    well('app_issue', 'Software or Service', `<select name="app_issue_type" id="app_issue_type" onchange="change_app($(this).val());">
${appOptions}
</select>
<div id="app_twiki" class="app_detail hidden">
Is this issue regarding<br>
<input type="radio" value="bug" name="twikitype" id="twikitype_bug"> Bugs or outage on TWiki itself<br>
<input type="radio" value="content" name="twikitype" id="twikitype_content"> TWiki content or account issue<br>
</div>
<div id="app_gracc_ops" class="app_detail hidden">Issues regarding Operation of the OSG accounting collectors and reporting of sites<br></div>
<div id="app_vdt" class="app_detail hidden">VDT tools<br></div>
<div id="app_goc" class="app_detail hidden">
Affected URL (if this is a web application)<br>
<input type="text" name="app_goc_url" id="app_goc_url"><br>
</div>`),
  ];
  const right = [
    well('security_issue', 'Security Issue', `<br>
<input type="checkbox" name="security_issue_immediate" id="security_issue_immediate"> This issue needs immediate, undivided attention from GOC staff until resolved.<br>
<input type="checkbox" name="security_issue_available" id="security_issue_available"> Contact will be available immediately for contact by GOC staff for details regarding the reported problem.<br>`),
    well('membership_issue', 'Membership Request', `Which VO would you like to be member of?
<select name="membership_vo" id="membership_vo">
<option value="">(I don't know)</option>
${voOptions}
</select>`, { hiddenClass: false }),
    well('campusvorequest_issue', 'Campus Grid Registration Request', `Name of the new campus grid VO
<input type="text" name="campusvorequest_name" id="campusvorequest_name">
<p class="muted">* This is not a generic VO registration request form. To request for new VO registration, please visit <a href="https://oim.opensciencegrid.org/oim/vo">OIM VO page</a></p>`,
    { hiddenClass: false, onclick: `processtemplate(this); $('#campusvorequest_issue_area').toggle();` }),
  ];
  return `<div class="row-fluid">
<div class="span6">
<p>This issue is for specific ...</p>
${left.join('\n')}
</div><!--span-->
<div class="span6">
<p>This issue is a ...</p>
${right.join('\n')}
</div><!--span-->
</div><!--row-fluid-->`;
}

/** The page's own script: change_app(), the template fetch, and re-checking what the request carried. */
function pageScript(v, values) {
  const restore = [];
  for (const c of CHECKS) {
    if (values[c] === undefined) continue;
    restore.push(`    $("#${c}").attr("checked", "checked");\n    $("#${c.replace(/_check$/, '_area')}").show();`);
  }
  for (const c of SUB_CHECKS) if (values[c] !== undefined) restore.push(`    $("#${c}").attr("checked", "checked");`);
  for (const name of VALUES) {
    if (values[name] === undefined) continue;
    restore.push(`    $("#${name}").val(${inlineJson(values[name])});`);
    if (name === 'app_issue_type') restore.push(`    change_app(${inlineJson(values[name])});`);
  }
  if (values.twikitype === 'bug' || values.twikitype === 'content') restore.push(`    $("#twikitype_${values.twikitype}").attr("checked", "checked");`);
  return `<script>
function change_app(name) {
    $(".app_detail").hide();
    $("#app_"+name).show();
}
$(function() {
${restore.join('\n')}
});
function processtemplate(check) {
    if(check.checked && $("#detail").val() == "") {
        $.ajax({ url: ${inlineJson(`${v.origin}${v.base}/submit/template?id=`)}+check.id }).done(function(content) {
            $("#detail").val($("#detail").val() + content);
        });
    }
}
</script>`;
}

const FORM_STYLE = `<style>
#title, #detail { width: 100%; }
#detail { height: 150px; }
input[type=text], select { width: 100%; }
.ccarea { width: 48%; }
p.help-block { margin-bottom: 3px; color: #999; }
label.required:after { content: " * Required"; color: #ccc; }
</style>`;

/**
 * The form page. `form.values` are the request's fields (name, email, phone, title, detail and the
 * routing ones); signed-in people get their own name / email / phone when the request has none.
 * `form.alert` is the flash of a failed POST ("Please correct following issues.").
 */
export function renderSubmitPage(v, form = {}) {
  const own = v.user ? { name: v.user.name, email: v.user.email, phone: v.user.phone ?? '' } : {};
  const values = { ...own, ...(form.values ?? {}) };
  const errors = form.errors ?? {};
  const selected = { resource: form.selected?.resource ?? [], vo: form.selected?.vo ?? [] };
  const alert = form.alert ? `<div class="alert alert-error"><a class="close" data-dismiss="alert" href="#">&times;</a>${escapeHtml(form.alert)}</div>\n` : '';
  const guard = v.user ? ccArea(form.ccs ?? []) : '<div class="g-recaptcha" data-sitekey="6Lsimulator-no-captcha-check"></div>';
  const body = `<div class="container">
${alert}<div class="page-header"><h2>Submit Ticket</h2></div>
<div class="form">
${FORM_STYLE}
<form id="submit_form" enctype="application/x-www-form-urlencoded" action="${v.base}/submit/submit?" method="post" name="submit_form">
${yourInfo(v, values, errors)}
${textElement('title', 'Ticket Title', values.title, errors.title)}
${routing(selected)}
${zendElement('detail', 'Description', `<textarea name="detail" id="detail" rows="24" cols="80">${escapeHtml(values.detail ?? '')}</textarea>`, errors.detail)}
${guard}
<div class="form-actions">
<button type="submit" name="submit_button" class="btn btn-primary btn-large" id="submit_button">Submit</button>
</div>
</form>
${pageScript(v, values)}
</div><!--form-->
${pageFooter()}
</div><!--container-->`;
  return page(v, { title: 'GOC Ticket', active: 'submit', body });
}

/** `submit/template?id=campusvorequest_issue_check` (text appended to an empty description). */
export function submitTemplate(id) {
  if (id === 'campusvorequest_issue_check') {
    return 'Campus grid name:\nInstitution:\nContact person (name, e-mail, phone):\nExpected number of users:\nResources the campus grid will provide:\n';
  }
  return '';
}
