// @vitest-environment node
/**
 * The simulator's new-ticket form (docs/goc-pages.md §12; SubmitController / BaseController::initSubmit):
 * the form's selectors and field names, the Zend-like validation (re-render with the posted values,
 * `ul.errors` and a `div.alert`), filing a ticket (302 to it with the thank-you alert, the sender as
 * contact, `vdt` → the Software queue in /list/open and the counts, other types not), the control
 * call `GET /__sim/submitted`, and posted text escaped in every page that shows it.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, SOFTWARE_PSEUDO_ID, SOFTWARE_TEAM_INDEX, XSS_PAYLOADS, type Simulator, type TicketJson, type Counts } from '../../goc-sim/server.mjs';

const NOW = Date.parse('2026-03-04T15:27:00Z');
let sim: Simulator;
const windows: Window[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
  await sim.close();
});
beforeEach(async () => {
  await sim.control('/__sim/reset', {});
});

type Submitted = TicketJson & { submission: { seq: number; time: string; user: string | null; fields: Record<string, string | string[]> } };

const get = (path: string, cookie = '') => fetch(`${sim.origin}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];
async function login(user: string) {
  const res = await get(`/__sim/login?user=${user}`);
  expect(res.status).toBe(200);
  return cookieOf(res);
}
function post(path: string, pairs: [string, string][], cookie = '') {
  return fetch(`${sim.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams(pairs).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}
/** The full document (inline scripts kept as inert text; no stylesheet or library loads). */
function parse(html: string) {
  const win = new Window();
  windows.push(win);
  return new win.DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, '').replace(/<script src=[^>]*><\/script>/g, ''), 'text/html');
}
type Doc = ReturnType<typeof parse>;
/** A form control's current value / checkedness (happy-dom's element types are not the DOM lib's). */
const value = (doc: Doc, sel: string) => (doc.querySelector(sel) as unknown as { value: string } | null)?.value;
const checked = (doc: Doc, sel: string) => (doc.querySelector(sel) as unknown as { checked: boolean } | null)?.checked;
const page = async (path: string, cookie = '') => {
  const res = await get(path, cookie);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  return { html, doc: parse(html) };
};

const SENDER: [string, string][] = [
  ['name', 'Maria Gonzalez'],
  ['email', 'maria.gonzalez@physics.example.edu'],
  ['phone', '555-0199'],
  ['title', 'HTCondor-CE jobs held after upgrade'],
  ['detail', 'Since the upgrade all jobs are held.\r\nLog: Hold reason 13\r\n\r\nMaria'],
];
const VDT: [string, string][] = [['app_issue_check', 'on'], ['app_issue_type', 'vdt']];

/** Files a ticket and returns the new id (checks the 302 and the one-time thank-you alert). */
async function file(pairs: [string, string][], cookie = '', base = ''): Promise<number> {
  const res = await post(`${base}/submit/submit?`, pairs, cookie);
  expect(res.status).toBe(302);
  const location = res.headers.get('location')!;
  const m = new RegExp(`^${sim.origin}${base}/(\\d+)$`).exec(location);
  expect(m, location).not.toBeNull();
  const flash = cookieOf(res);
  const shown = await page(new URL(location).pathname, [cookie, flash].filter(Boolean).join('; '));
  expect(shown.doc.querySelector('div.alert.alert-success')!.textContent).toContain(`Thank you for submitting your ticket:${m![1]}`);
  return Number(m![1]);
}

describe('the form', () => {
  it('has the structure and field names of docs/goc-pages.md §12 (guest: reCAPTCHA placeholder, no CC area)', async () => {
    const { doc } = await page('/submit');
    const form = doc.querySelector('form#submit_form')!;
    expect(form.getAttribute('name')).toBe('submit_form');
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/submit/submit?');
    for (const sel of [
      'div.yourinfo input#name[name=name]', 'div.yourinfo input#email[name=email]', 'div.yourinfo input#phone[name=phone]',
      'input#title[name=title]', 'textarea#detail[name=detail]',
      'div.well > input#resource_issue_check[type=checkbox][name=resource_issue_check]', '#resource_issue_area.hidden #resource__list input.autocomplete',
      'div.well > input#vo_issue_check[name=vo_issue_check]', '#vo_issue_area #vo__list',
      'div.well > input#app_issue_check[name=app_issue_check]', '#app_issue_area.hidden select#app_issue_type[name=app_issue_type]',
      'input[type=radio][name=twikitype][value=bug]', 'input[type=radio][name=twikitype][value=content]', 'input#app_goc_url[name=app_goc_url]',
      'div.well > input#security_issue_check[name=security_issue_check]', 'input#security_issue_immediate[name=security_issue_immediate]',
      'input#security_issue_available[name=security_issue_available]', 'div.well > input#membership_issue_check', 'select#membership_vo[name=membership_vo]',
      'div.well > input#campusvorequest_issue_check', 'input#campusvorequest_name[name=campusvorequest_name]', 'div.g-recaptcha',
      'button#submit_button[name=submit_button][type=submit].btn.btn-primary.btn-large',
    ]) expect(form.querySelector(sel), sel).not.toBeNull();
    expect(doc.querySelector('#submit_button')!.textContent!.trim()).toBe('Submit');
    expect(doc.querySelector('#app_issue_check')!.getAttribute('onclick')).toBe("$('#app_issue_area').toggle();");
    expect(doc.querySelector('#app_issue_type')!.getAttribute('onchange')).toContain('change_app(');
    const options = [...doc.querySelectorAll('#app_issue_type option')].map((o) => [o.getAttribute('value'), o.textContent]);
    expect(options).toContainEqual(['vdt', 'OSG Software Stack']);
    expect(options.map((o) => o[0])).toEqual(['', 'gracc_ops', 'vdt', 'twiki', 'goc']);
    expect(doc.querySelector('.ccarea')).toBeNull();
    expect(doc.querySelector('#careof')).toBeNull();
    expect(value(doc, '#name')).toBe('');
    expect(doc.querySelector('#menu_submit')!.className).toBe('active');
    // The page's own function the select calls.
    expect([...doc.querySelectorAll('script')].some((s) => /function change_app\(name\)/.test(s.textContent ?? ''))).toBe(true);
  });

  it('pre-fills a signed-in person; CC area for them; Populate From only with update', async () => {
    const user = await page('/submit', await login('jsmith'));
    expect(value(user.doc, '#name')).toBe('Jane Smith');
    expect(value(user.doc, '#email')).toMatch(/@/);
    expect(value(user.doc, '#phone')).not.toBe('');
    expect(user.doc.querySelector('#careof')).toBeNull();
    expect(user.doc.querySelector('div.ccarea')).not.toBeNull();
    expect(user.doc.querySelector('a.btn[onclick*="addcc("]')).not.toBeNull();
    expect(user.doc.querySelector('div.g-recaptcha')).toBeNull();
    expect(user.html).toMatch(/function addcc\(node\)/);
    expect(user.html).toMatch(/var persons = \[/);
    const staff = await page('/goc/submit', await login('aroy'));
    expect(value(staff.doc, '#name')).toBe('Alain Roy');
    expect(staff.doc.querySelector('div.yourinfo input#careof')).not.toBeNull();
    expect(staff.doc.querySelector('form#submit_form')!.getAttribute('action')).toBe('/goc/submit/submit?');
  });

  it('re-checks routing boxes from the query, as the real page script does with $_REQUEST', async () => {
    const { doc } = await page('/submit?app_issue_check=on&app_issue_type=goc&app_goc_url=ticket&name=ignored');
    const script = [...doc.querySelectorAll('script')].map((s) => s.textContent).join('\n');
    expect(script).toContain('$("#app_issue_check").attr("checked", "checked");');
    expect(script).toContain('$("#app_issue_type").val("goc");');
    expect(script).toContain('change_app("goc");');
    expect(script).toContain('$("#app_goc_url").val("ticket");');
    expect(value(doc, '#name')).toBe(''); // Zend fields come only from a POST
  });
});

describe('validation', () => {
  it('re-renders the form (HTTP 200) with the posted values, per-field errors and div.alert; files nothing', async () => {
    const before = await sim.control<Counts>('/__sim/state');
    const res = await post('/submit/submit?', [
      ['name', 'Maria Gonzalez'], ['email', 'not-an-address'], ['phone', ''], ['title', 'Jobs held'], ['detail', ''],
      ...VDT, ['cc[]', 'ops@example.edu'],
    ], await login('aroy'));
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(doc.querySelector('div.alert')!.textContent).toContain('Please correct following issues.');
    expect(value(doc, '#name')).toBe('Maria Gonzalez');
    expect(value(doc, '#email')).toBe('not-an-address');
    expect(value(doc, '#title')).toBe('Jobs held');
    expect(doc.querySelector('#email-element ul.errors')!.textContent).toContain('is no valid email address');
    expect(doc.querySelector('#phone-element ul.errors')!.textContent).toContain("Value is required and can't be empty");
    expect(doc.querySelector('#detail-element ul.errors')).not.toBeNull();
    expect(doc.querySelector('#name-element ul.errors')).toBeNull();
    expect(doc.querySelector('#title-element ul.errors')).toBeNull();
    expect(value(doc, '.ccarea input[name="cc[]"]')).toBe('ops@example.edu');
    expect([...doc.querySelectorAll('script')].map((s) => s.textContent).join('\n')).toContain('$("#app_issue_type").val("vdt");');
    const after = await sim.control<Counts>('/__sim/state');
    expect(after.tickets).toBe(before.tickets);
    expect((await get('/__sim/submitted')).status).toBe(404);
    const log = await sim.control<{ route: string; id: number | null; errors?: Record<string, string[]> }[]>('/__sim/updates');
    expect(log.at(-1)).toMatchObject({ route: 'submit/submit', id: null });
    expect(Object.keys(log.at(-1)!.errors!)).toEqual(['phone', 'detail', 'email']);
  });

  it('treats blank fields as missing and a GET of submit/submit as an empty POST', async () => {
    const res = await post('/submit/submit?', [['name', '  '], ['email', 'a@b.example.edu'], ['phone', '1'], ['title', 't'], ['detail', 'd']]);
    const doc = parse(await res.text());
    expect(doc.querySelector('#name-element ul.errors')).not.toBeNull();
    const empty = await page('/submit/submit?');
    expect(empty.doc.querySelector('div.alert')!.textContent).toContain('Please correct following issues.');
    expect(empty.doc.querySelectorAll('ul.errors')).toHaveLength(5);
  });
});

describe('filing a ticket', () => {
  it('a guest with "OSG Software Stack": the Software queue in /list/open with the sender as contact (no captcha check)', async () => {
    const before = await sim.control<Counts>('/__sim/state');
    const id = await file([...SENDER, ...VDT]);
    const t = await sim.control<Submitted>('/__sim/submitted');
    expect(t.id).toBe(id);
    expect(t).toMatchObject({
      title: 'HTCondor-CE jobs held after upgrade', status: 'Engineering', priority: 4, type: 'Problem/Request', nextAction: 'ENG Action',
      submitter: { name: 'Maria Gonzalez', email: 'maria.gonzalez@physics.example.edu', phone: '555-0199' }, cc: [],
      metadata: { SUBMITTER_NAME: 'Maria Gonzalez', SUBMITTED_VIA: 'GOC Ticket/submit' }, tags: ['filed'],
    });
    expect(t.assignees).toContain(SOFTWARE_PSEUDO_ID);
    expect(t.assigneeNames).toContain('Software Support (Triage)');
    expect(t.flags).toMatchObject({ open: true, software: true, untriaged: false });
    expect(t.submission).toMatchObject({ user: null, fields: { app_issue_type: 'vdt', email: 'maria.gonzalez@physics.example.edu' } });
    expect(t.updates![0]).toMatchObject({
      stamp: 'OSG-GOC', author: 'Maria Gonzalez', role: 'submitter', expectedSource: 'trailer',
      bodyText: 'Since the upgrade all jobs are held.\nLog: Hold reason 13\n\nMaria\n\nby Maria Gonzalez (guest)\n',
      meta: 'Application issue with type: vdt\n',
    });

    const after = await sim.control<Counts>('/__sim/state');
    expect(after.software).toBe(before.software + 1);
    expect(after.open).toBe(before.open + 1);
    expect((after as Counts & { ids: { software: number[] } }).ids.software).toContain(id);

    // The list row: Submitter (metadata), Assignees and CCs as for any Software ticket.
    const list = await page('/list/open', await login('blin'));
    const row = [...list.doc.querySelectorAll('table#tickets tr')].find((r) => r.querySelector('td')?.textContent === String(id))!;
    expect(row).toBeDefined();
    const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.replace(/\u00a0/g, ' '));
    expect(cells[1]).toBe('Maria Gonzalez');
    expect(cells[3]).toContain('HTCondor-CE jobs held after upgrade');
    expect(cells[6]).toBe('ENG Action');
    expect(cells[9]).toContain('Software Support (Triage)');
    expect(cells[15]).toBe('GOC Ticket/submit');

    // The ticket page: contact = the sender, description = the detail, submitter metadata = the name.
    const editor = await page(`/${id}`, await login('blin'));
    expect(value(editor.doc, 'input[name=submitter_name]')).toBe('Maria Gonzalez');
    expect(value(editor.doc, 'input[name=submitter_email]')).toBe('maria.gonzalez@physics.example.edu');
    expect(value(editor.doc, 'input[name=submitter_phone]')).toBe('555-0199');
    expect(value(editor.doc, 'input[name="metadata[SUBMITTER_NAME]"]')).toBe('Maria Gonzalez');
    expect(checked(editor.doc, `#team_${SOFTWARE_TEAM_INDEX}__list input[name="team_${SOFTWARE_TEAM_INDEX}[osg-software-support-stream]"]`)).toBe(true);
    const desc = editor.doc.querySelector('#updates .update_description pre')!.textContent!;
    expect(desc).toContain('Since the upgrade all jobs are held.');
    expect(desc).toContain('by Maria Gonzalez (guest)');
    const guest = await page(`/${id}`);
    expect(guest.doc.querySelector('.page-header h3')!.textContent).toContain('HTCondor-CE jobs held after upgrade');
    expect(guest.html).toContain('Maria Gonzalez');
    // The thank-you alert was shown once.
    expect(guest.doc.querySelector('div.alert.alert-success')).toBeNull();
  });

  it('a staff member filing for an e-mail sender: the sender is the contact, the staff member the FP submitter, CCs kept', async () => {
    const cookie = await login('aroy');
    const id = await file([...SENDER, ...VDT, ['cc[]', 'alain.roy@wisc.example.edu'], ['cc[]', '  '], ['cc[]', 'site-admins@example.edu']], cookie, '/goc');
    const t = await sim.control<Submitted>(`/__sim/tickets/${id}`);
    expect(t.submitter.email).toBe('maria.gonzalez@physics.example.edu');
    expect(t.cc).toEqual(['alain.roy@wisc.example.edu', 'site-admins@example.edu']);
    expect(t.base).toBe('/goc');
    expect(t.flags.software).toBe(true);
    expect(t.updates![0]).toMatchObject({ stamp: 'Alain Roy', byHeader: 'Alain Roy', author: 'Alain Roy', role: 'software', expectedSource: 'header' });
    expect(t.updates![0].bodyText).not.toContain('by ');
    expect(t.metadata.SUBMITTER_DN).toMatch(/CN=/);
    const last = await sim.control<Submitted>('/__sim/submitted');
    expect(last.id).toBe(id);
    expect(last.submission.user).toBe('aroy');
    expect(last.submission.fields['cc[]']).toEqual(['alain.roy@wisc.example.edu', '  ', 'site-admins@example.edu']);
    const { doc } = await page(`/goc/${id}`, cookie);
    expect([...doc.querySelectorAll('.ccarea input[name="cc[]"]')].map((i) => (i as unknown as { value: string }).value)).toEqual(t.cc);
  });

  it('other types, or no "Software or Service", do not land in the Software queue', async () => {
    const cases: [string, string][][] = [
      [],
      [['app_issue_check', 'on'], ['app_issue_type', 'goc'], ['app_goc_url', 'https://ticket.example.edu']],
      [['app_issue_check', 'on'], ['app_issue_type', 'gracc_ops']],
      [['app_issue_check', 'on'], ['app_issue_type', 'twiki'], ['twikitype', 'content']],
      [['app_issue_type', 'vdt']], // the type without its checkbox: the server ignores it
    ];
    const before = await sim.control<Counts>('/__sim/state');
    for (const extra of cases) {
      const id = await file([...SENDER, ...extra]);
      const t = await sim.control<TicketJson>(`/__sim/tickets/${id}`);
      expect(t.assignees, JSON.stringify(extra)).not.toContain(SOFTWARE_PSEUDO_ID);
      expect(t.flags.software, JSON.stringify(extra)).toBe(false);
    }
    const after = await sim.control<Counts>('/__sim/state');
    expect(after.software).toBe(before.software);
    expect(after.open).toBe(before.open + cases.length);
    const goc = (await sim.control<TicketJson[]>('/__sim/tickets?tag=filed&full=1')).find((t) => t.metadata.SUBMITTER_NAME && t.updates![0].meta?.includes('Affected URL'));
    expect(goc!.updates![0].meta).toBe('Affected URL: https://ticket.example.edu\nApplication issue with type: goc\n');
  });

  it('security and campus routing: type Security with priority 1; the campus CC', async () => {
    const sec = await file([...SENDER, ['security_issue_check', 'on'], ['security_issue_immediate', 'on'], ['security_issue_available', 'on']], await login('rquick'));
    const t = await sim.control<TicketJson>(`/__sim/tickets/${sec}`);
    expect(t).toMatchObject({ type: 'Security', priority: 1, assignees: ['rquick', 'kagross'] });
    const campus = await file([...SENDER, ['campusvorequest_issue_check', 'on'], ['campusvorequest_name', 'UniGrid']]);
    expect((await sim.control<TicketJson>(`/__sim/tickets/${campus}`)).cc).toEqual(['connect-support@opensciencegrid.org']);
  });

  it('GET /__sim/submitted answers 404 before any filing and after a reset', async () => {
    expect((await get('/__sim/submitted')).status).toBe(404);
    await file([...SENDER, ...VDT]);
    expect((await get('/__sim/submitted')).status).toBe(200);
    await sim.control('/__sim/reset', {});
    expect((await get('/__sim/submitted')).status).toBe(404);
  });
});

describe('posted text is escaped in every page that shows it', () => {
  /** Same escaping as the simulator's inline JSON (a payload may sit inside a page script only as a string literal). */
  const inlineJson = (s: string) =>
    JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const URL_ATTRS = /^(href|src|action|formaction|data|background|srcdoc)$/i;

  /** Live payloads: a handler or URL attribute carrying the payload's JS, or its JS in a script outside a string literal. */
  function live(doc: Doc, posted: string[]) {
    const found: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const a = { name: attr.name, value: attr.value ?? '' };
        const carries = a.value.includes('__gtaXss') || a.value.includes('GTA-XSS');
        // A URL attribute is live only with a script scheme (a mailto: subject may carry the title as text).
        const scheme = /^(javascript|data|vbscript):/i.test(a.value.replace(/[\s\u0000-\u001f]/g, '')) || a.name.toLowerCase() === 'srcdoc';
        if (carries && (/^on/i.test(a.name) || (URL_ATTRS.test(a.name) && scheme))) found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 60)}`);
      }
      if (el.tagName === 'SCRIPT' || el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED') {
        let text = el.tagName === 'SCRIPT' ? el.textContent ?? '' : el.outerHTML;
        for (const p of posted) text = text.split(inlineJson(p)).join('');
        if (text.includes('__gtaXss')) found.push(`${el.tagName}: ${text.slice(0, 80)}`);
      }
    }
    return found;
  }

  // Each payload goes into every text field: name, title, detail, a CC and the TWiki / URL fields.
  const payloads = XSS_PAYLOADS.filter((p) => /[<>"']/.test(p)).slice(0, 24);

  it('in the ticket page (editor, read-only, guest), /list/open and the form re-rendered after an error', async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(20);
    const staff = await login('blin');
    const viewer = await login('viewer1');
    for (const [i, p] of payloads.entries()) {
      const fields: [string, string][] = [
        ['name', p], ['phone', p], ['title', p], ['detail', `${p}\n${p}`], ['cc[]', p],
        ['app_issue_check', 'on'], ['app_issue_type', 'goc'], ['app_goc_url', p], ['campusvorequest_name', p],
      ];
      // An invalid e-mail: the form comes back with every value in it.
      const bad = await post('/submit/submit?', [...fields, ['email', p]], staff);
      expect(bad.status).toBe(200);
      const badHtml = await bad.text();
      const badDoc = parse(badHtml);
      expect(live(badDoc, [p]), `form re-render, payload ${i}`).toEqual([]);
      expect(value(badDoc, '#title'), `payload ${i}`).toBe(p);
      expect(badDoc.querySelector('#detail')!.textContent, `payload ${i}`).toBe(`${p}\n${p}`);
      expect(badDoc.querySelector('.ccarea input[name="cc[]"]')!.getAttribute('value'), `payload ${i}`).not.toBeNull();

      const id = await file([...fields, ['email', `x${i}@example.edu`]], staff);
      for (const [who, cookie] of [['editor', staff], ['read-only', viewer], ['guest', '']]) {
        const { doc } = await page(`/${id}`, cookie);
        expect(live(doc, []), `${who} ticket page, payload ${i}`).toEqual([]);
        expect(doc.title, `${who} title, payload ${i}`).toContain(String(id));
      }
    }
    for (const cookie of [staff, '']) {
      const { doc } = await page('/list/open', cookie);
      expect(live(doc, []), 'list').toEqual([]);
    }
  }, 60_000);
});
