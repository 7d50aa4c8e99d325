// @vitest-environment happy-dom
/**
 * features/email-fill on a hand-written new-ticket form (docs/goc-pages.md §12) whose own handlers stand for the
 * page's: the checkbox's click shows its area, the select's change runs change_app(), "Add CC" adds
 * a row, a row's × removes it, and the form counts submits. A kept draft fills every field through
 * them, leaves a hint beside phone and a notice with Undo, is deleted once used, and nothing is
 * submitted; an old, foreign or missing draft changes nothing.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fillFromEmail, NOTICE_TEXT, PHONE_HINT, pickDraft } from '../../../../features/email-fill';
import { detectPage } from '../../../../utils/goc/page';
import { getItem, setItem, STORED } from '../../../../utils/storage-items';
import type { EmailTicketEntry } from '../../../../utils/storage/items';

const T = Date.UTC(2026, 11, 1, 15);
const ORIGIN = 'https://ticket.opensciencegrid.org';

const FORM = (signedIn: boolean) => `
<form id="submit_form" name="submit_form" method="post" action="/submit/submit?">
  <div class="yourinfo">
    <input type="text" name="name" id="name" value="${signedIn ? 'Alain Roy' : ''}">
    <input type="text" name="email" id="email" value="${signedIn ? 'aroy@example.org' : ''}">
    <dd id="phone-element"><input type="text" name="phone" id="phone" value="${signedIn ? '608-555-0100' : ''}"></dd>
  </div>
  <input type="text" name="title" id="title" value="">
  <div class="well">
    <input type="checkbox" name="app_issue_check" id="app_issue_check"> Software or Service<br>
    <div id="app_issue_area" class="hidden">
      <select name="app_issue_type" id="app_issue_type">
        <option value="">(Please Select)</option><option value="gracc_ops">GRACC</option><option value="vdt">OSG Software Stack</option>
      </select>
      <div id="app_vdt" class="app_detail hidden">VDT tools</div>
    </div>
  </div>
  <textarea name="detail" id="detail"></textarea>
  ${signedIn ? '<label>CC</label><div class="ccarea"></div><a class="btn btn-small" href="#">Add CC</a>' : '<div class="g-recaptcha"></div>'}
  <div class="form-actions"><button type="submit" name="submit_button" class="btn btn-primary" id="submit_button">Submit</button></div>
</form>`;

/** The page's own behaviour, as its inline handlers and jQuery would do it. */
function load(signedIn = true) {
  document.head.innerHTML = '';
  document.body.innerHTML = FORM(signedIn);
  const $ = <T extends Element>(s: string) => document.querySelector(s) as T;
  const seen = { submits: 0, changeApp: [] as string[], events: [] as string[] };
  $('#app_issue_check').addEventListener('click', () => $('#app_issue_area').classList.toggle('hidden'));
  $('#app_issue_type').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    seen.changeApp.push(v);
    document.querySelectorAll('.app_detail').forEach((d) => d.classList.add('hidden'));
    document.querySelector(`#app_${v}`)?.classList.remove('hidden');
  });
  document.querySelector('a.btn')?.addEventListener('click', (e) => {
    e.preventDefault();
    const row = document.createElement('div');
    row.className = 'input-append cc';
    row.innerHTML = '<input class="span12" type="text" name="cc[]"><i class="icon-remove"></i>';
    row.querySelector('i')!.addEventListener('click', () => row.remove());
    $('.ccarea').append(row);
  });
  $('#submit_form').addEventListener('submit', (e) => {
    e.preventDefault();
    seen.submits++;
  });
  for (const id of ['name', 'email', 'title', 'detail']) $(`#${id}`).addEventListener('input', () => seen.events.push(id));
  const ctx = new ContentScriptContext('test');
  return { $, seen, env: { document, ctx, page: detectPage(document, new URL(`${ORIGIN}/submit`)) } };
}

const draft = (over: Partial<EmailTicketEntry['draft']> = {}, entry: Partial<EmailTicketEntry> = {}): EmailTicketEntry => ({
  id: 'd1',
  origin: ORIGIN,
  draft: {
    name: 'Jane Smith',
    email: 'jane.smith@example.edu',
    title: 'HTCondor-CE jobs held since the upgrade',
    detail: 'Since the upgrade every job is held.\n\nSent by e-mail to Alain Roy <aroy@example.org>.',
    cc: ['aroy@example.org'],
    hints: ['Phone number: the e-mail does not give one; the form requires it.', 'Title: check it.'],
    createdAt: T - 60_000,
    ...over,
  },
  ...entry,
});

const value = (sel: string) => (document.querySelector(sel) as HTMLInputElement).value;
const now = () => T;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('filling the new-ticket form from a kept e-mail draft', () => {
  it('fills every field through the page, ticks Software or Service, picks OSG Software Stack, adds the CC; never submits', async () => {
    const { $, seen, env } = load(true);
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [draft()]);
    expect(await fillFromEmail(env, fakeBrowser.storage, now)).toBe(true);
    expect(value('#name')).toBe('Jane Smith');
    expect(value('#email')).toBe('jane.smith@example.edu');
    expect(value('#phone')).toBe(''); // not the signed-in user's own number
    expect(value('#title')).toBe('HTCondor-CE jobs held since the upgrade');
    expect(value('#detail')).toContain('Sent by e-mail to Alain Roy');
    expect(seen.events).toEqual(['name', 'email', 'title', 'detail']);
    expect(($('#app_issue_check') as HTMLInputElement).checked).toBe(true);
    expect($('#app_issue_area').classList.contains('hidden')).toBe(false); // the page's own toggle ran
    expect(value('#app_issue_type')).toBe('vdt');
    expect(seen.changeApp).toEqual(['vdt']);
    expect($('#app_vdt').classList.contains('hidden')).toBe(false);
    const ccs = Array.from(document.querySelectorAll<HTMLInputElement>('.ccarea input[name="cc[]"]')).map((i) => i.value);
    expect(ccs).toEqual(['aroy@example.org']);
    const hint = document.querySelector('[data-gta="email-fill-hint"]')!;
    expect(hint.previousElementSibling?.id).toBe('phone');
    expect(hint.textContent).toBe('Phone number: the e-mail does not give one; the form requires it.');
    const notice = document.querySelector('[data-gta="email-fill"]')!;
    expect(notice.getAttribute('data-gta-state')).toBe('filled');
    expect(notice.textContent).toContain(NOTICE_TEXT);
    expect(notice.querySelector('[data-gta-part="hints"]')?.textContent).toBe('Title: check it.');
    expect(seen.submits).toBe(0);
    expect(await getItem(fakeBrowser.storage, STORED.emailTicketDrafts)).toEqual([]);
  });

  it('Undo puts every field back as the page had it and removes the CC row it added', async () => {
    const { $, seen, env } = load(true);
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [draft()]);
    await fillFromEmail(env, fakeBrowser.storage, now);
    (document.querySelector('[data-gta="email-fill-undo"]') as HTMLButtonElement).click();
    expect([value('#name'), value('#email'), value('#phone'), value('#title'), value('#detail')]).toEqual(['Alain Roy', 'aroy@example.org', '608-555-0100', '', '']);
    expect(($('#app_issue_check') as HTMLInputElement).checked).toBe(false);
    expect($('#app_issue_area').classList.contains('hidden')).toBe(true);
    expect(value('#app_issue_type')).toBe('');
    expect(document.querySelectorAll('.ccarea .cc')).toHaveLength(0);
    expect(document.querySelector('[data-gta="email-fill-hint"]')).toBeNull();
    expect(document.querySelector('[data-gta="email-fill"]')?.getAttribute('data-gta-state')).toBe('undone');
    expect(seen.submits).toBe(0);
  });

  it('a guest form (no CC area): the rest is filled, no CC; a phone from the signature is filled', async () => {
    const { env } = load(false);
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [draft({ phone: '+1 608 555 0199', hints: ['Phone number: +1 608 555 0199 is from the e-mail\'s signature; check it.'] })]);
    expect(await fillFromEmail(env, fakeBrowser.storage, now)).toBe(true);
    expect(value('#email')).toBe('jane.smith@example.edu');
    expect(value('#phone')).toBe('+1 608 555 0199');
    expect(document.querySelector('[data-gta="email-fill-hint"]')?.textContent).toMatch(/signature; check it/);
    expect(document.querySelectorAll('input[name="cc[]"]')).toHaveLength(0);
  });

  it('takes the newest draft for this site; other drafts stay', async () => {
    const { env } = load(true);
    const other = draft({ title: 'other site' }, { id: 'd0', origin: 'https://ticket.grid.iu.edu' });
    const older = draft({ title: 'older', createdAt: T - 3_600_000 }, { id: 'd2' });
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [other, older, draft()]);
    await fillFromEmail(env, fakeBrowser.storage, now);
    expect(value('#title')).toBe('HTCondor-CE jobs held since the upgrade');
    expect((await getItem(fakeBrowser.storage, STORED.emailTicketDrafts)).map((e) => e.id)).toEqual(['d0', 'd2']);
  });

  it.each([
    ['none', [] as EmailTicketEntry[]],
    ['older than a day', [draft({ createdAt: T - 24 * 3_600_000 })]],
    ['another GOC site', [draft({}, { origin: 'https://ticket.grid.iu.edu' })]],
    ['malformed', [{ id: 'x', origin: ORIGIN, draft: { title: 5 } }] as unknown as EmailTicketEntry[]],
  ])('no usable draft (%s): nothing filled, nothing added, no error', async (_name, stored) => {
    const { env } = load(true);
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, stored);
    expect(await fillFromEmail(env, fakeBrowser.storage, now)).toBe(false);
    expect(value('#name')).toBe('Alain Roy');
    expect(value('#title')).toBe('');
    expect(document.querySelector('[data-gta]')).toBeNull();
  });

  it('not the new-ticket form (the thank-you page): nothing read, nothing used', async () => {
    document.body.innerHTML = '<p>Thank you for submitting your ticket: 12345</p>';
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [draft()]);
    expect(await fillFromEmail({ document, ctx: new ContentScriptContext('test'), page: detectPage(document, new URL(`${ORIGIN}/submit/submit`)) }, fakeBrowser.storage, now)).toBe(false);
    expect(await getItem(fakeBrowser.storage, STORED.emailTicketDrafts)).toHaveLength(1);
  });

  it('e-mail text goes in as text, never as markup', async () => {
    const { env } = load(true);
    const evil = '<img src=x onerror=alert(1)>';
    await setItem(fakeBrowser.storage, STORED.emailTicketDrafts, [draft({ title: evil, hints: [evil, `phone ${evil}`] })]);
    await fillFromEmail(env, fakeBrowser.storage, now);
    expect(value('#title')).toBe(evil);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[data-gta-part="hints"]')?.textContent).toBe(evil);
  });

  it('pickDraft: newest for the origin within a day', () => {
    expect(pickDraft([draft({}, { id: 'a' }), draft({}, { id: 'b' })], ORIGIN, T)?.id).toBe('b');
    expect(pickDraft([draft()], 'https://example.org', T)).toBeNull();
    expect(pickDraft([draft({ createdAt: T + 3_600_000 })], ORIGIN, T)).toBeNull();
    expect(PHONE_HINT).toMatch(/phone/i);
  });
});
