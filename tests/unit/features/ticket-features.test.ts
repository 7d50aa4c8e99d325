// @vitest-environment happy-dom
/**
 * The ticket features on hand-written pages that follow docs/goc-pages.md: idempotent mounts, badges only on
 * descriptions, the guard's capture-phase hold and one-shot re-dispatch, insertion at the cursor,
 * ticking exactly one assignee box, and JIRA keys wrapped in place.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_CAP_EM, BADGES_PER_STEP, badgeClass, badgeNeedsClip, badgeText, renderBadges, renderBadgesInSlices } from '../../../features/responder-badges';
import { renderSummary } from '../../../features/responder-summary';
import { installGuard } from '../../../features/unsigned-guard';
import { findUpdateButton } from '../../../features/shared/update-box';
import { insertSnippet, mountSnippetPicker } from '../../../features/snippets';
import { mountExperts } from '../../../features/experts';
import { linkJiraKeys, mountJiraNew, unlinkJiraKeys } from '../../../features/jira-links';
import { forgetAnalysis } from '../../../features/shared/ticket-analysis';
import { detectPage } from '../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../utils/settings';
import { editorPage, viewerPage } from '../helpers/ticket-pages';
import { ROSTER } from '../helpers/roster';

function settings(extra: Record<string, unknown> = {}): Settings {
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, team: ROSTER, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

const EDITOR_HTML = editorPage({
  id: 555,
  title: 'HTCondor-CE held jobs, see SOFTWARE-1234',
  user: 'Alain Roy',
  submitterName: 'Jane Smith',
  submitterEmail: 'jane.smith@physics.wisc.example.edu',
  checklist: [
    [1, 'osg-software-support-stream', 'Software Support (Triage)', true],
    [1, 'aroy', 'Alain Roy', false],
    [1, 'cat', 'Tim Cartwright', false],
    [3, 'cat', 'Tim Cartwright', false],
    [3, 'rquick', 'Rob Quick', true],
  ],
  updates: [
    { datetime: '2018-01-03T10:00:00+00:00', bodyHtml: 'Please attach the logs.', history: 'Appended a Description' },
    { datetime: '2018-01-02T10:00:00+00:00', by: 'Alain Roy', bodyHtml: 'Tracked in SOFTWARE-1234 and OPS-9; not UTF-8.', meta: 'X' },
    { datetime: '2018-01-01T10:00:00+00:00', by: 'OSG-GOC', bodyHtml: 'Jobs held.\n\nby Jane Smith (guest)' },
  ],
});

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  forgetAnalysis(document);
  return document;
}

function env(doc: Document, s: Settings) {
  const ctx = new ContentScriptContext('test');
  return { document: doc, settings: s, ctx, page: detectPage(doc, new URL('https://ticket.opensciencegrid.org/555')) };
}

describe('responder badges in steps (the first render, at DOM ready)', () => {
  const many = editorPage({
    id: 556,
    title: 'Many updates',
    user: 'Alain Roy',
    submitterName: 'Jane Smith',
    submitterEmail: 'jane.smith@physics.wisc.example.edu',
    checklist: [[1, 'osg-software-support-stream', 'Software Support (Triage)', true]],
    updates: Array.from({ length: BADGES_PER_STEP * 2 + 5 }, (_, i) => ({
      datetime: new Date(Date.UTC(2018, 0, 1) + (1000 - i) * 3_600_000).toISOString(),
      by: i % 2 ? 'Alain Roy' : 'Jane Smith',
      bodyHtml: `Update ${i}`,
    })),
  });

  it('places the top of the page first and gives the page a turn between slices', async () => {
    const doc = load(many);
    const s = settings();
    const seen: number[] = [];
    const count = await renderBadgesInSlices(doc, { settings: s }, async () => {
      const headers = Array.from(doc.querySelectorAll('#updates > .update_description > .header'));
      seen.push(headers.findIndex((h) => !h.querySelector('[data-gta="responder-badge"]')));
    });
    expect(count).toBe(BADGES_PER_STEP * 2 + 5);
    // A chance to yield after each step; before each, exactly the first steps (newest updates, top of the page) were done.
    expect(seen).toEqual([BADGES_PER_STEP, BADGES_PER_STEP * 2]);
    const sliced = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]')).map((b) => b.outerHTML);
    // The same badges as rendering all at once.
    const again = load(many);
    renderBadges(again, { settings: s });
    expect(Array.from(again.querySelectorAll('[data-gta="responder-badge"]')).map((b) => b.outerHTML)).toEqual(sliced);
  });

  it('stops when the content script is torn down between slices', async () => {
    const doc = load(many);
    let invalid = false;
    const count = await renderBadgesInSlices(doc, { settings: settings() }, async () => void (invalid = true), () => invalid);
    expect(count).toBe(BADGES_PER_STEP);
    expect(doc.querySelectorAll('[data-gta="responder-badge"]')).toHaveLength(BADGES_PER_STEP);
  });
});

describe('badge boxes (plain inline boxes; only a text that may reach the 24em cap gets the clipping box)', () => {
  const responder = (name: string) => ({ name, role: 'osg-staff' as const, source: 'header' as const, reason: 'the "by" header names them.' });

  it('a badge gets gta-badge-clip only when its text may reach the 24em cap; the text stays whole', () => {
    const short = responder('Alain Roy');
    expect(badgeClass(short, badgeText(short))).toBe('gta-responder-badge gta-role-osg-staff');
    // At 0.65em a character, 36 Latin characters are 23.4em, 37 are 24.05em.
    expect(badgeNeedsClip('x'.repeat(36))).toBe(false);
    expect(badgeNeedsClip('x'.repeat(37))).toBe(true);
    expect(badgeNeedsClip('Mátyás Selmeci · Software')).toBe(false);
    // Wider scripts count 1em a character: 24 fit, 25 do not.
    expect(badgeNeedsClip('漢'.repeat(BADGE_CAP_EM))).toBe(false);
    expect(badgeNeedsClip('漢'.repeat(BADGE_CAP_EM + 1))).toBe(true);
    expect(badgeNeedsClip(`${'x'.repeat(20)}${'漢'.repeat(11)}`)).toBe(false); // 13 + 11 = 24em: at the cap, not over
    expect(badgeNeedsClip(`${'x'.repeat(20)}${'漢'.repeat(12)}`)).toBe(true); // 25em
    expect(badgeNeedsClip(`${'x'.repeat(20)}${'漢'.repeat(10)}`)).toBe(false); // 23em
    const long = responder('Maximiliane Wilhelmina von Hohenzollern-Sigmaringen');
    expect(badgeText(long)).toBe('Maximiliane Wilhelmina von Hohenzollern-Sigmaringen · OSG staff');
    expect(badgeClass(long, badgeText(long))).toBe('gta-responder-badge gta-role-osg-staff gta-badge-clip');
  });

  it('on the page: the long name\u2019s badge alone is clipped, and shows its whole name as text', () => {
    const doc = load(
      editorPage({
        id: 556,
        title: 'Long names',
        user: 'Alain Roy',
        submitterName: 'Jane Smith',
        submitterEmail: 'jane.smith@physics.wisc.example.edu',
        checklist: [],
        updates: [
          { datetime: '2018-01-02T10:00:00+00:00', by: 'Maximiliane Wilhelmina von Hohenzollern-Sigmaringen', bodyHtml: 'Thanks.' },
          { datetime: '2018-01-01T10:00:00+00:00', by: 'Alain Roy', bodyHtml: 'Fixed.' },
        ],
      }),
    );
    renderBadges(doc, { settings: settings() });
    const badges = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]'));
    expect(badges.map((b) => b.classList.contains('gta-badge-clip'))).toEqual([true, false]);
    expect(badges[0].textContent).toMatch(/^Maximiliane Wilhelmina von Hohenzollern-Sigmaringen · /);
  });
});

describe('responder badges and summary', () => {
  it('one badge per description, none on history or meta, idempotent', () => {
    const doc = load(EDITOR_HTML);
    const s = settings();
    expect(renderBadges(doc, { settings: s })).toBe(3);
    renderBadges(doc, { settings: s });
    const badges = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]'));
    expect(badges).toHaveLength(3);
    expect(badges.every((b) => b.closest('.update_description > .header'))).toBe(true);
    expect(doc.querySelectorAll('.update_history [data-gta], .meta_information [data-gta]')).toHaveLength(0);
    expect(badges.map((b) => [b.getAttribute('data-gta-responder'), b.getAttribute('data-gta-role'), b.getAttribute('data-gta-source')])).toEqual([
      ['', 'unknown', 'none'],
      ['Alain Roy', 'software', 'header'],
      ['Jane Smith', 'submitter', 'trailer'],
    ]);
    expect(badges[0].getAttribute('title')).toMatch(/^Decided from nothing on the page/);
    expect(doc.querySelectorAll('[data-gta="unsigned-flag"]')).toHaveLength(1);
    expect(badges[0].nextElementSibling?.getAttribute('data-gta')).toBe('unsigned-flag');
  });

  it('the summary sits right before #updates and says whose turn it is', () => {
    const doc = load(EDITOR_HTML);
    const box = renderSummary(doc, { settings: settings() }, Date.parse('2018-01-03T12:00:00Z'))!;
    renderSummary(doc, { settings: settings() }, Date.parse('2018-01-03T12:00:00Z'));
    expect(doc.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(1);
    expect(box.nextElementSibling?.id).toBe('updates');
    expect(box.getAttribute('data-gta-state')).toBe('waiting-on-user');
    expect(box.textContent).toContain('Last answer: Unknown (unknown), 2 h ago.');
    expect(box.textContent).toContain('First staff answer 24 h after the ticket was opened (Alain Roy).');
    expect(box.textContent).toContain('1 unsigned update.');
  });
});

describe('unsigned guard', () => {
  it('holds an unsigned submit in the capture phase, then re-dispatches once through requestSubmit', () => {
    const doc = load(EDITOR_HTML);
    const e = env(doc, settings());
    expect(installGuard(e)).toBe(true);
    const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
    const pageHandler = vi.fn((ev: Event) => ev.preventDefault());
    form.addEventListener('submit', pageHandler);
    const textarea = doc.querySelector('textarea.description') as HTMLTextAreaElement;
    textarea.value = 'Please retry.';

    const first = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
    expect(doc.querySelectorAll('[data-gta="unsigned-guard"]')).toHaveLength(1);
    // A second click while the prompt is open does not stack prompts.
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(doc.querySelectorAll('[data-gta="unsigned-guard"]')).toHaveLength(1);

    const requestSubmit = vi.spyOn(form, 'requestSubmit').mockImplementation((submitter) => {
      expect(submitter).toBe(findUpdateButton(form));
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    (doc.querySelector('[data-gta-choice="sign"]') as HTMLButtonElement).click();
    expect(requestSubmit).toHaveBeenCalledTimes(1);
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(textarea.value).toBe('Please retry.\n\n------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org');
    expect(doc.querySelectorAll('[data-gta="unsigned-guard"]')).toHaveLength(0);
    // The bypass was one-shot: the next unsigned submit is held again.
    textarea.value = 'Another one.';
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(pageHandler).toHaveBeenCalledTimes(1);
    e.ctx.abort();
  });

  it('lets signed, empty and disabled-guard submits straight through', () => {
    for (const [text, extra] of [
      ['Fixed.\n\nThanks,\nAlain Roy', {}],
      ['   ', {}],
      ['Unsigned but guard off.', { features: { unsignedGuard: false } }],
    ] as const) {
      const doc = load(EDITOR_HTML);
      const e = env(doc, settings(extra));
      installGuard(e);
      const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
      (doc.querySelector('textarea.description') as HTMLTextAreaElement).value = text;
      const ev = new Event('submit', { bubbles: true, cancelable: true });
      form.dispatchEvent(ev);
      expect(ev.defaultPrevented, text).toBe(false);
      expect(doc.querySelectorAll('[data-gta="unsigned-guard"]')).toHaveLength(0);
      e.ctx.abort();
    }
  });

  it('has nothing to guard for a guest (no New Update box)', () => {
    const doc = load(viewerPage({ id: 1, title: 't', user: null, fullName: 'A', email: '', assignees: [], updates: [] }));
    expect(installGuard(env(doc, settings()))).toBe(false);
  });
});

describe('snippets', () => {
  it('inserts at the caret without replacing a selection, or at the end if never focused', () => {
    const doc = load(EDITOR_HTML);
    const ta = doc.querySelector('textarea.description') as HTMLTextAreaElement;
    ta.value = 'abc def';
    ta.setSelectionRange(0, 3); // "abc" selected: kept, the snippet goes after it
    insertSnippet(ta, 'SNIP', true);
    expect(ta.value).toBe('abc\nSNIP\n def');
    ta.value = 'hello';
    insertSnippet(ta, 'SNIP', false);
    expect(ta.value).toBe('hello\nSNIP');
  });

  it('the picker lists snippets and fills placeholders from the ticket', () => {
    const doc = load(EDITOR_HTML);
    const s = settings({ snippets: [{ name: 'Greet', text: 'Hi {submitter} ({ticket}, {owner}) -- {me}' }] });
    mountSnippetPicker(env(doc, s));
    const box = mountSnippetPicker(env(doc, s), () => Date.parse('2018-01-05T00:00:00Z'))!;
    expect(doc.querySelectorAll('[data-gta="snippet-picker"]')).toHaveLength(1);
    expect(box.nextElementSibling?.matches('textarea.description')).toBe(true);
    const select = box.querySelector('select')!;
    select.value = '0';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect((doc.querySelector('textarea.description') as HTMLTextAreaElement).value).toBe('Hi Jane (555, Rob Quick) -- Alain Roy');
    expect(select.value).toBe('');
  });
});

describe('experts', () => {
  it('renders suggestions as text, buttons only in the editor', () => {
    const doc = load(EDITOR_HTML);
    const s = settings({ experts: [{ topic: 'CE <b>', keywords: ['HTCondor-CE'], people: ['<img src=x onerror=alert(1)>'] }] });
    const box = mountExperts(env(doc, s))!;
    expect(box.querySelectorAll('button.gta-expert')).toHaveLength(1);
    expect(box.querySelector('img')).toBeNull();
    expect(box.querySelector('li')!.getAttribute('data-gta-person')).toBe('<img src=x onerror=alert(1)>');
    expect(mountExperts(env(doc, settings()))).toBeNull();
    expect(doc.querySelectorAll('[data-gta="expert-suggestions"]')).toHaveLength(0);
  });
});

describe('JIRA links', () => {
  it('wraps keys in place, idempotently, and unwraps on teardown', () => {
    const doc = load(EDITOR_HTML);
    const pre = doc.querySelectorAll('#updates > .update_description > pre')[1];
    const before = pre.textContent;
    expect(linkJiraKeys(doc, 'https://jira.example.org', ['SOFTWARE'])).toBe(2);
    expect(linkJiraKeys(doc, 'https://jira.example.org', ['SOFTWARE'])).toBe(0);
    expect(pre.textContent).toBe(before);
    expect(Array.from(pre.querySelectorAll('a[data-gta="jira-link"]')).map((a) => a.getAttribute('href'))).toEqual([
      'https://jira.example.org/browse/SOFTWARE-1234',
      'https://jira.example.org/browse/OPS-9',
    ]);
    unlinkJiraKeys(doc);
    expect(pre.querySelectorAll('a')).toHaveLength(0);
    expect(pre.textContent).toBe(before);
  });

  it('"New JIRA issue" only with a base URL', () => {
    const doc = load(EDITOR_HTML);
    const link = mountJiraNew(env(doc, settings({ jira: { baseUrl: 'https://jira.example.org' } })))!;
    expect(new URL(link.getAttribute('href')!).searchParams.get('summary')).toBe('GOC 555: HTCondor-CE held jobs, see SOFTWARE-1234');
    expect(link.closest('#updates .btn-group')).not.toBeNull();
    expect(mountJiraNew(env(doc, settings()))).toBeNull();
    expect(doc.querySelectorAll('[data-gta="jira-new"]')).toHaveLength(0);
  });
});
