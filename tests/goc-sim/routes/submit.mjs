/**
 * The new-ticket form and what it POSTs (docs/goc-pages.md §12; the real SubmitController / BaseController):
 * `GET /submit` renders the form (query keys re-check the routing boxes, as the real page's script
 * does with $_REQUEST); `POST /submit/submit` validates like the Zend form (name, email (valid),
 * phone, title, detail required) and either re-renders the form with the posted values, per-field
 * `ul.errors` and a `div.alert` (HTTP 200), or files the ticket and answers, like the real
 * `success.phtml`, with a 302 to the new ticket, whose page shows the one-time alert "Thank you for
 * submitting your ticket:<id>". Captchas are not checked (README "Deviations"). The app root
 * redirects to the form.
 */
import { renderSubmitPage, submitTemplate, SUBMIT_RESOURCES, SUBMIT_VOS } from '../render/submit.mjs';
import { FLASH_COOKIE, formPairs, groupFields, readBody } from '../http.mjs';
import { fieldsOf, updateJson } from '../state.mjs';
import { SOFTWARE_PSEUDO_ID, TEAMS, rosterRole } from '../personas.mjs';

/** Elements of the Zend form (values come only from a POST); everything else the page's script restores. */
const ZEND_FIELDS = ['name', 'email', 'phone', 'title', 'detail'];
const REQUIRED = "Value is required and can't be empty";

/** Zend_Validate_EmailAddress, roughly: one @, a local part, a dotted host name; no regex over the input. */
export function isValidEmail(s) {
  const text = String(s);
  if (text.length > 254 || /\s/.test(text)) return false;
  const at = text.indexOf('@');
  if (at < 1 || at !== text.lastIndexOf('@') || at > 64) return false;
  const labels = text.slice(at + 1).split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => l.length > 0 && l.length <= 63 && /^[A-Za-z0-9-]+$/.test(l) && !l.startsWith('-') && !l.endsWith('-')) && /^[A-Za-z]{2,}$/.test(labels.at(-1));
}

/** Zend's checks, in field order: { field → [message] } (empty when valid). */
export function validateSubmit(f) {
  const errors = {};
  for (const name of ZEND_FIELDS) {
    const value = f[name];
    if (value === undefined || String(value).trim() === '') errors[name] = [REQUIRED];
  }
  if (!errors.email && !isValidEmail(String(f.email).trim())) {
    errors.email = [`'${f.email}' is no valid email address in the basic format local-part@hostname`];
  }
  return errors;
}

/** FP ids inside `resource[<id>]` / `vo[<id>]` keys (the fblists' hidden inputs). */
function fblistKeys(pairs, list) {
  const out = [];
  const prefix = `${list}[`;
  for (const [k] of pairs) if (k.startsWith(prefix) && k.endsWith(']')) out.push(k.slice(prefix.length, -1));
  return out;
}

/**
 * What `initSubmit` and the `process*` steps of SubmitController make of a valid POST, as a spec for
 * `SimState.fileSubmittedTicket`. `nextId` picks the auto-assigned GOC person (FP's NextAssignee
 * rotation, here by ticket number). Resource / VO / membership / campus routing set metadata, META
 * lines and CCs; the support-centre assignees they add on the real site are left out.
 */
export function submissionOf(pairs, user, nextId) {
  const f = fieldsOf(pairs);
  const has = (k) => pairs.some(([name]) => name === k);
  const name = String(f.name).trim();
  const contact = { name, email: String(f.email).trim(), phone: String(f.phone).trim() };
  const goc = TEAMS[0].members;
  let assignees = [goc[nextId % goc.length]];
  const add = (id, clear = false) => {
    if (clear) assignees = [];
    if (!assignees.includes(id)) assignees.push(id);
  };
  const metadata = { SUBMITTER_NAME: name, SUBMITTED_VIA: 'GOC Ticket/submit' };
  if (user?.dn) metadata.SUBMITTER_DN = user.dn;
  const meta = [];
  let priority = 4;
  let type = 'Problem/Request';
  // Only signed-in people have the CC area; the campus request adds its own CC for anyone.
  const cc = user ? pairs.filter(([k, x]) => k === 'cc[]' && x.trim()).map(([, x]) => x.trim()) : [];

  const resource = SUBMIT_RESOURCES.find((r) => r.id === fblistKeys(pairs, 'resource')[0]);
  if (has('resource_issue_check') && resource) Object.assign(metadata, { ASSOCIATED_R_ID: resource.id, ASSOCIATED_R_NAME: resource.name });
  const vo = SUBMIT_VOS.find((x) => x.id === fblistKeys(pairs, 'vo')[0]);
  if (has('vo_issue_check') && vo) {
    meta.push(`VO on which user is having this issue: ${vo.name}(${vo.id})`);
    Object.assign(metadata, { ASSOCIATED_VO_ID: vo.id, ASSOCIATED_VO_NAME: vo.name });
  }
  if (has('app_issue_check')) {
    const app = f.app_issue_type ?? '';
    const known = ['gracc_ops', 'vdt', 'twiki', 'goc', 'gratiaweb', 'gratia_dev', 'ress_dev', 'ress_ops'].includes(app);
    if (app === 'vdt') add(SOFTWARE_PSEUDO_ID); // Software Support (Triage): the Software queue
    if (app === 'gracc_ops') metadata.SUPPORTING_SC_NAME = 'GRACC Operations';
    if (app === 'twiki' && f.twikitype === 'bug') add('steige', true);
    if ((app === 'goc' || app === 'gratiaweb') && f.app_goc_url) meta.push(`Affected URL: ${f.app_goc_url}`);
    if (known) meta.push(`Application issue with type: ${app}`);
  }
  if (has('security_issue_check')) {
    if (has('security_issue_immediate') && has('security_issue_available')) {
      meta.push('User need immediate attention, and available for contact - opening ticket with CRITICAL priority');
      priority = 1;
    }
    add('rquick', true);
    add('kagross');
    type = 'Security';
  }
  if (has('membership_issue_check')) {
    const mvo = SUBMIT_VOS.find((x) => x.id === f.membership_vo);
    if (!mvo) meta.push("Submitter doesn't know the VO they would like to request membership to.");
    else {
      Object.assign(metadata, { ASSOCIATED_VO_ID: mvo.id, ASSOCIATED_VO_NAME: mvo.name });
      meta.push(`Submitter is requesting membership to VO:${mvo.name}`);
    }
  }
  if (has('campusvorequest_issue_check')) {
    meta.push(f.campusvorequest_name ? `Requested VO NAME: ${f.campusvorequest_name}` : "Submitter didn't specify the name of new campus grid VO");
    if (!cc.includes('connect-support@opensciencegrid.org')) cc.push('connect-support@opensciencegrid.org');
  }

  // The description: the detail, then who filed it, then the META block (Footprint::prepareParams).
  const detail = String(f.detail).replace(/\r\n?/g, '\n');
  const agent = !!user?.fpAgent;
  let trailer = '';
  if (!user) trailer = `\n\nby ${name} (guest)`;
  else if (!agent) trailer = `\n\nby ${user.dn ?? user.email}`;
  const body = `${detail}${trailer}${meta.length ? `\n\n[META Information]\n${meta.join('\n')}\n` : ''}`;
  const role = user ? (rosterRole(user) ?? (user.email === contact.email ? 'submitter' : 'unknown')) : 'submitter';
  const author = user?.name ?? name;
  const tail = detail.trim().split('\n').slice(-6).join('\n');
  const truth = {
    author, role, expectedSource: agent ? 'header' : 'trailer', signed: agent ? tail.includes(author) : true, kind: 'submitted',
    expected: { responder: author, role },
  };
  return {
    title: String(f.title).trim(), contact, cc, assignees, metadata, priority, type, body, truth,
    // A signed-in FP agent becomes the FP submitter (their name stamps the first update); else OSG-GOC.
    stamp: agent ? user.name : 'OSG-GOC',
  };
}

function formValues(pairs, { zend }) {
  const values = {};
  for (const [k, v] of pairs) {
    if (k.endsWith('[]') || k.includes('[')) continue;
    if (!zend && ZEND_FIELDS.includes(k)) continue;
    values[k] = v;
  }
  return values;
}

function showForm(c) {
  const pairs = [...c.q];
  c.send(200, renderSubmitPage(c.v, { values: formValues(pairs, { zend: false }), selected: { resource: fblistKeys(pairs, 'resource'), vo: fblistKeys(pairs, 'vo') } }));
}

async function submit(c) {
  const { req, v, state, fullbase } = c;
  if (req.method !== 'POST') {
    // The real submitAction validates an empty $_POST: the form again, with the error alert.
    return c.send(200, renderSubmitPage(v, { alert: 'Please correct following issues.', errors: validateSubmit({}) }));
  }
  const pairs = formPairs(await readBody(req));
  const f = fieldsOf(pairs);
  const ccs = pairs.filter(([k, x]) => k === 'cc[]' && x.trim()).map(([, x]) => x.trim());
  const entry = { route: 'submit/submit', pairs, fields: groupFields(pairs), description: f.detail ?? '', user: v.user?.id ?? null };
  const errors = validateSubmit(f);
  if (Object.keys(errors).length) {
    state.logPost({ ...entry, id: null, status: 200, errors });
    return c.send(200, renderSubmitPage(v, {
      values: formValues(pairs, { zend: true }),
      ccs,
      errors,
      selected: { resource: fblistKeys(pairs, 'resource'), vo: fblistKeys(pairs, 'vo') },
      alert: 'Please correct following issues.',
    }));
  }
  const t = state.fileSubmittedTicket({ ...submissionOf(pairs, v.user, state.nextId), base: v.base });
  state.logPost({ ...entry, id: t.id, status: 302, update: updateJson(t.descriptions[0]) });
  return c.redirect(302, `${fullbase}/${t.id}`, { 'set-cookie': c.cookie(FLASH_COOKIE, `submitted-${t.id}`) });
}

export const routes = {
  '/': (c) => c.redirect(302, `${c.v.base}/submit/?`),
  '/submit': showForm,
  '/submit/index': showForm,
  '/submit/submit': submit,
  '/submit/template': (c) => c.send(200, submitTemplate(c.q.get('id') ?? ''), 'text/html; charset=UTF-8'),
};
