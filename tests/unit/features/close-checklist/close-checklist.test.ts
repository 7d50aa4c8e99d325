// @vitest-environment happy-dom
/**
 * The close checklist on a hand-written editor page: it shows when the status changes to Resolved
 * or Closed on a Software ticket, hides when changed back, never holds the submit, and logs what was
 * ticked when the form is submitted (read back from the fake extension storage).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountCloseChecklist } from '../../../../features/close-checklist';
import { installKeepSoftwareGuard } from '../../../../features/keep-software-guard';
import { detectPage } from '../../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../../utils/settings';
import { getItem, STORED } from '../../../../utils/storage-items';
import { editorPage } from '../../helpers/ticket-pages';

const PANEL = '[data-gta="close-checklist"]';

function settings(extra: Record<string, unknown> = {}): Settings {
  const r = parseSettings({
    identity: { name: 'Alain Roy' },
    jira: { baseUrl: 'https://jira.example.org', projectId: '10500' },
    triage: {
      docLinks: [
        { name: 'Troubleshooting <b>guides</b>', url: 'https://docs.example.org/help/' },
      ],
    },
    ...extra,
  });
  if (!r.ok) throw new Error(r.error);
  // The schema refuses a javascript: address; the feature must still not follow one that reaches it
  // some other way (a snapshot written by an older version).
  r.settings.triage.docLinks.push({ name: 'Bad', url: 'javascript:alert(1)' });
  return r.settings;
}

function load(software = true): Document {
  document.open();
  document.write(
    editorPage({
      id: 555,
      title: 'CE jobs held',
      user: 'Alain Roy',
      submitterName: 'Jane Smith',
      submitterEmail: 'jane@example.edu',
      checklist: [
        [1, 'osg-software-support-stream', 'Software Support (Triage)', software],
        [1, 'blin', 'Brian Lin', true],
      ],
      updates: [],
    }),
  );
  document.close();
  const form = document.querySelector('form#ticket_form')!;
  form.insertAdjacentHTML(
    'afterbegin',
    '<div class="control-group" id="status-group"><label class="control-label">Status</label><div class="controls"><select name="status">' +
      ['Engineering', 'Customer', 'Resolved', 'Closed'].map((s) => `<option value="${s}"${s === 'Engineering' ? ' selected' : ''}>${s}</option>`).join('') +
      '</select></div></div>',
  );
  return document;
}

function setStatus(doc: Document, value: string) {
  const select = doc.querySelector('select[name="status"]') as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function env(doc: Document, s: Settings) {
  return { document: doc, settings: s, ctx: new ContentScriptContext('test'), page: detectPage(doc, new URL('https://ticket.opensciencegrid.org/555')) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());

describe('close checklist', () => {
  it('shows under the status field when it changes to Resolved or Closed, and hides when changed back', () => {
    const doc = load();
    const e = env(doc, settings());
    expect(mountCloseChecklist(e, fakeBrowser.storage)).toBe(true);
    expect(doc.querySelector(PANEL)).toBeNull();
    setStatus(doc, 'Resolved');
    const panel = doc.querySelector(PANEL) as HTMLElement;
    expect(panel.hidden).toBe(false);
    expect(panel.previousElementSibling?.id).toBe('status-group');
    expect(Array.from(panel.querySelectorAll('input[data-gta-answer]')).map((i) => i.getAttribute('data-gta-answer'))).toEqual(['others', 'bug', 'docs', 'guide']);
    (panel.querySelector('[data-gta-answer="docs"]') as HTMLInputElement).checked = true;
    setStatus(doc, 'Customer');
    expect(panel.hidden).toBe(true);
    setStatus(doc, 'Closed');
    expect(doc.querySelectorAll(PANEL)).toHaveLength(1);
    expect(panel.hidden).toBe(false);
    expect((panel.querySelector('[data-gta-answer="docs"]') as HTMLInputElement).checked).toBe(true);
    e.ctx.abort();
  });

  it('links: the prefilled New JIRA issue, and http(s) doc links as text in new tabs', () => {
    const doc = load();
    const e = env(doc, settings());
    mountCloseChecklist(e, fakeBrowser.storage);
    setStatus(doc, 'Closed');
    const jira = doc.querySelector(`${PANEL} a[data-gta-link="jira"]`) as HTMLAnchorElement;
    const url = new URL(jira.href);
    expect(url.origin + url.pathname).toBe('https://jira.example.org/secure/CreateIssueDetails!init.jspa');
    expect(url.searchParams.get('pid')).toBe('10500');
    expect(url.searchParams.get('summary')).toBe('GOC 555: CE jobs held');
    const docs = Array.from(doc.querySelectorAll<HTMLAnchorElement>(`${PANEL} a[data-gta-link="doc"]`));
    expect(docs.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['Troubleshooting <b>guides</b>', 'https://docs.example.org/help/', '_blank', 'noopener'],
    ]);
    expect(doc.querySelector(`${PANEL} b`)).toBeNull();
    e.ctx.abort();
  });

  it('without a JIRA base URL there is no JIRA link, the questions stay', () => {
    const doc = load();
    const e = env(doc, settings({ jira: { baseUrl: '' } }));
    mountCloseChecklist(e, fakeBrowser.storage);
    setStatus(doc, 'Resolved');
    expect(doc.querySelector(`${PANEL} a[data-gta-link="jira"]`)).toBeNull();
    expect(doc.querySelectorAll(`${PANEL} input[data-gta-answer]`)).toHaveLength(4);
    e.ctx.abort();
  });

  it('never holds the submit, and logs what was ticked (nothing ticked is logged too)', async () => {
    const doc = load();
    const e = env(doc, settings());
    mountCloseChecklist(e, fakeBrowser.storage);
    const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
    setStatus(doc, 'Resolved');
    (doc.querySelector('[data-gta-answer="others"]') as HTMLInputElement).checked = true;
    (doc.querySelector('[data-gta-answer="guide"]') as HTMLInputElement).checked = true;
    const ev = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
    await vi.waitFor(async () => expect(await getItem(fakeBrowser.storage, STORED.closeChecklistLog)).toHaveLength(1));
    const [entry] = await getItem(fakeBrowser.storage, STORED.closeChecklistLog);
    expect(entry).toMatchObject({ ticket: 555, answers: ['others', 'guide'] });
    (doc.querySelectorAll('[data-gta-answer]') as NodeListOf<HTMLInputElement>).forEach((i) => (i.checked = false));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(async () => expect(await getItem(fakeBrowser.storage, STORED.closeChecklistLog)).toHaveLength(2));
    expect((await getItem(fakeBrowser.storage, STORED.closeChecklistLog))[1].answers).toEqual([]);
    e.ctx.abort();
  });

  it('logs nothing when the status is not being closed', async () => {
    const doc = load();
    const e = env(doc, settings());
    mountCloseChecklist(e, fakeBrowser.storage);
    const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
    setStatus(doc, 'Resolved');
    setStatus(doc, 'Engineering');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    // A closing submit afterwards is the first and only entry: the earlier one was not logged.
    setStatus(doc, 'Closed');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(async () => expect(await getItem(fakeBrowser.storage, STORED.closeChecklistLog)).toHaveLength(1));
    await flush();
    expect(await getItem(fakeBrowser.storage, STORED.closeChecklistLog)).toHaveLength(1);
    e.ctx.abort();
  });

  it('a submit held by the keep-Software guard is logged once, when it really goes to the page', async () => {
    const doc = load();
    const e = env(doc, settings());
    installKeepSoftwareGuard(e);
    mountCloseChecklist(e, fakeBrowser.storage);
    const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
    vi.spyOn(form, 'requestSubmit').mockImplementation(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    setStatus(doc, 'Resolved');
    (doc.querySelector('[data-gta-answer="bug"]') as HTMLInputElement).checked = true;
    const sw = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((i) => i.name.includes('osg-software-support-stream'))!;
    sw.checked = false;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    (doc.querySelector('[data-gta="keep-software-guard"] [data-gta-choice="edit"]') as HTMLButtonElement).click();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    (doc.querySelector('[data-gta="keep-software-guard"] [data-gta-choice="keep"]') as HTMLButtonElement).click();
    await vi.waitFor(async () => expect(await getItem(fakeBrowser.storage, STORED.closeChecklistLog)).toHaveLength(1));
    await flush();
    const log = await getItem(fakeBrowser.storage, STORED.closeChecklistLog);
    expect(log.map((x) => [x.ticket, x.answers])).toEqual([[555, ['bug']]]);
    e.ctx.abort();
  });

  it('is not mounted on a ticket outside the Software queue', () => {
    const doc = load(false);
    expect(mountCloseChecklist(env(doc, settings()), fakeBrowser.storage)).toBe(false);
    setStatus(doc, 'Closed');
    expect(doc.querySelector(PANEL)).toBeNull();
  });
});
