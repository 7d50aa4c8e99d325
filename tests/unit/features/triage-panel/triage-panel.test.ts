// @vitest-environment happy-dom
/**
 * features/triage-panel on editor markup that follows docs/goc-pages.md (checklist and fblist teams,
 * next_action, nad, the New Update box): where it shows and how, what Apply changes (and only that,
 * with the page's events, never a submit), that Undo restores exactly, one note at most, and that
 * names from the page and settings stay text.
 */
import { mountTriagePanel, type TriageDeps, type TriageStored } from '../../../../features/triage-panel';
import { detectPage } from '../../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../../utils/settings';
import { viewerPage } from '../../helpers/ticket-pages';
import { GLIDEIN_FBLIST, triageEditorPage, type TriagePageOptions } from './pages';

const TEAM = [
  { name: 'Alain Roy', footprintsId: 'aroy' },
  { name: 'Brian Lin' },
  { name: 'Tim Theisen' },
  { name: 'Mat Selmeci' },
];
const EXPERTS = [
  { topic: 'HTCondor-CE', keywords: ['htcondor-ce'], people: ['Brian Lin', 'Tim Theisen'] },
  { topic: 'Glidein factory', keywords: ['glidein'], people: ['Kelly Fong'], team: 'Glidein Factory Ops' },
  { topic: 'XRootD', keywords: ['xrootd'], people: ['Xavier Nobody'] },
];

function settings(extra: Record<string, unknown> = {}): Settings {
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, team: TEAM, experts: EXPERTS, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

const NOW = Date.parse('2026-12-01T18:00:00Z'); // Tuesday noon in Chicago
const NO_STORED: TriageStored = { loads: null, cache: null, debugNow: null };

function deps(stored: TriageStored = NO_STORED): TriageDeps {
  return { readStored: async () => stored, now: () => NOW };
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

function mount(html: string, s: Settings = settings(), stored?: TriageStored) {
  const doc = load(html);
  const page = detectPage(doc, new URL('https://ticket.opensciencegrid.org/4242'));
  return mountTriagePanel({ document: doc, settings: s, page }, deps(stored));
}

const editor = (o: TriagePageOptions = {}) =>
  triageEditorPage({ title: 'Glideins held at our HTCondor-CE', bodies: ['Every glidein from the factory is held.'], fblist: GLIDEIN_FBLIST, ...o });
const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const input = (name: string) => $<HTMLInputElement>(`form#ticket_form input[name="${name}"]`);
const owner = (name: string) => $<HTMLButtonElement>(`[data-gta="triage-owner"][data-gta-person="${name}"]`);
const status = () => $('[data-gta="triage-status"]').textContent ?? '';
const box = () => $<HTMLTextAreaElement>('textarea.description');

/** Every assignee input as [name, checked or present]. */
function assignees(): [string, boolean][] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('input[name^="team_"]')).map((i) => [i.name, i.type === 'hidden' ? true : i.checked]);
}

describe('where the triage panel shows', () => {
  it('on a Software ticket in the editor, expanded at SOFTWARE TRIAGE (case and spacing ignored)', async () => {
    const panel = mount(editor({ nextAction: '  software   Triage ' }));
    expect(panel).not.toBeNull();
    const root = $('[data-gta="triage-panel"]');
    expect(root.closest('form#ticket_form')).not.toBeNull();
    expect(root.getAttribute('data-gta-state')).toBe('expanded');
    expect($('.gta-triage-body').hidden).toBe(false);
    await panel!.ready;
    expect(root.getAttribute('data-gta-ready')).toBe('true');
  });

  it('collapsed to one line when the Next Action is something else; its button expands it', () => {
    mount(editor({ nextAction: 'Brian: investigate' }));
    const root = $('[data-gta="triage-panel"]');
    expect(root.getAttribute('data-gta-state')).toBe('collapsed');
    expect($('.gta-triage-body').hidden).toBe(true);
    expect($('.gta-triage-summary').textContent).toBe('Next Action: Brian: investigate');
    const toggle = $<HTMLButtonElement>('[data-gta="triage-toggle"]');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    expect(root.getAttribute('data-gta-state')).toBe('expanded');
    expect($('.gta-triage-body').hidden).toBe(false);
  });

  it('recognises the Software pseudo-user by FP id when its label is blank', () => {
    const html = editor({ checklist: [[1, 'OSG Software Team', 'osg-software-support-stream', '', true], [1, 'OSG Software Team', 'blin', 'Brian Lin', false]] });
    expect(mount(html)).not.toBeNull();
  });

  it('never on a ticket outside the Software queue', () => {
    const html = editor({ checklist: [[1, 'OSG Software Team', 'osg-software-support-stream', 'Software Support (Triage)', false], [0, 'OSG GOC Support Team', 'rquick', 'Rob Quick', true]] });
    expect(mount(html)).toBeNull();
    expect(document.querySelector('[data-gta="triage-panel"]')).toBeNull();
  });

  it('never on read-only or guest pages (no form#ticket_form)', () => {
    for (const user of ['Pat Viewer', null]) {
      const html = viewerPage({ id: 4242, title: 'Held', user, fullName: 'Jane', email: 'j@x.example.edu', assignees: [['Software Support (Triage)', 'OSG Software Team']], updates: [] });
      expect(mount(html)).toBeNull();
      expect(document.querySelector('[data-gta="triage-panel"]')).toBeNull();
    }
  });

  it('not when switched off (features.triagePanel)', () => {
    expect(mount(editor(), settings({ features: { triagePanel: false } }))).toBeNull();
  });

  it('a second mount replaces the first', () => {
    mount(editor());
    const doc = document;
    mountTriagePanel({ document: doc, settings: settings(), page: detectPage(doc, new URL('https://ticket.opensciencegrid.org/4242')) }, deps());
    expect(document.querySelectorAll('[data-gta="triage-panel"]')).toHaveLength(1);
  });
});

describe('owners', () => {
  it('experts first (topic and team label), then the roster, then the page; the pseudo-user never', async () => {
    const panel = mount(editor());
    await panel!.ready;
    const people = Array.from(document.querySelectorAll('[data-gta="triage-owner"]')).map((b) => b.getAttribute('data-gta-person'));
    expect(people.slice(0, 4)).toEqual(['Brian Lin', 'Tim Theisen', 'Kelly Fong', 'Alain Roy']);
    expect(people).toContain('Jeff Dost'); // fblist member from the list data
    expect(people).toContain('Rob Quick');
    expect(people).not.toContain('Software Support (Triage)');
    expect(owner('Kelly Fong').textContent).toContain('Glidein factory');
    expect(owner('Kelly Fong').textContent).toContain('Glidein Factory Ops');
    expect(owner('Brian Lin').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows loads from the latest queue check, "?" when unknown, and who is on duty', async () => {
    const stored = { loads: { 'Brian Lin': 3 }, cache: { weeks: [{ week: '2026-11-30', person: 'Tim Theisen' }], status: {} as never, storage: 'indexeddb' as const }, debugNow: null };
    let panel = mount(editor(), settings(), stored);
    await panel!.ready;
    expect(owner('Brian Lin').getAttribute('data-gta-load')).toBe('3');
    expect(owner('Brian Lin').textContent).toContain('3 open');
    expect(owner('Alain Roy').getAttribute('data-gta-load')).toBe('0');
    expect(owner('Tim Theisen').getAttribute('data-gta-duty')).toBe('true');
    expect(owner('Tim Theisen').textContent).toContain('on duty');
    panel = mount(editor());
    await panel!.ready;
    expect(owner('Brian Lin').getAttribute('data-gta-load')).toBe('?');
    expect(owner('Brian Lin').textContent).toContain('? open');
  });

  it('the search box filters by name, ignoring case and accents', async () => {
    const panel = mount(editor());
    await panel!.ready;
    const search = $<HTMLInputElement>('[data-gta="triage-owner-search"]');
    search.value = 'KÉLLY';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    expect(Array.from(document.querySelectorAll('[data-gta="triage-owner"]')).map((b) => b.getAttribute('data-gta-person'))).toEqual(['Kelly Fong']);
    search.value = 'nobody-at-all';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    expect(document.querySelectorAll('[data-gta="triage-owner"]')).toHaveLength(0);
    expect($('.gta-triage-empty').hidden).toBe(false);
  });

  it('several may be chosen; a choice survives filtering; {owner} follows the first chosen', async () => {
    const panel = mount(editor());
    await panel!.ready;
    owner('Tim Theisen').click();
    owner('Kelly Fong').click();
    expect(owner('Tim Theisen').getAttribute('aria-pressed')).toBe('true');
    $<HTMLButtonElement>('[data-gta="triage-next-action-preset"][data-gta-preset="{owner}: investigate"]').click();
    expect($<HTMLInputElement>('[data-gta="triage-next-action"]').value).toBe('Tim: investigate');
    owner('Tim Theisen').click(); // unchosen: Kelly is now first
    expect($<HTMLInputElement>('[data-gta="triage-next-action"]').value).toBe('Kelly: investigate');
    const search = $<HTMLInputElement>('[data-gta="triage-owner-search"]');
    search.value = 'kelly';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    expect(owner('Kelly Fong').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('Apply', () => {
  async function choose() {
    const panel = mount(editor({ nextAction: 'SOFTWARE TRIAGE', nad: '2026-12-04' }));
    await panel!.ready;
    // Once ready, each +N button carries its date (Tuesday 2026-12-01 in Chicago: +1, +2, +5 working days).
    expect(Array.from(document.querySelectorAll('[data-gta="triage-nad-preset"]')).map((b) => b.getAttribute('data-gta-date'))).toEqual(['2026-12-02', '2026-12-03', '2026-12-08']);
    owner('Brian Lin').click();
    owner('Kelly Fong').click();
    $<HTMLButtonElement>('[data-gta="triage-next-action-preset"][data-gta-preset="{owner}: investigate"]').click();
    $<HTMLButtonElement>('[data-gta="triage-nad-preset"][data-gta-days="2"]').click();
  }

  it('ticks the checklist owner, adds the fblist owner\'s row, sets next_action and nad with input and change events, and submits nothing', async () => {
    await choose();
    const events: string[] = [];
    for (const name of ['next_action', 'nad']) for (const type of ['input', 'change']) input(name).addEventListener(type, () => events.push(`${name}:${type}`));
    const submits = vi.fn();
    $('form#ticket_form').addEventListener('submit', submits);
    const before = assignees();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();

    expect(input('next_action').value).toBe('Brian: investigate');
    expect(input('nad').value).toBe('2026-12-03');
    expect(events).toEqual(['next_action:input', 'next_action:change', 'nad:input', 'nad:change']);
    expect(input('team_1[blin]').checked).toBe(true);
    expect(input('team_1[blin]').closest('.item')!.classList.contains('checked')).toBe(true);
    const added = input('team_7[gf-kfong]');
    expect(added.type).toBe('hidden');
    expect(added.value).toBe('on');
    expect(added.parentElement!.nextElementSibling?.matches('input.autocomplete')).toBe(true);
    // Everything assigned before still is (the pseudo-user above all); only the two owners were added.
    const after = new Map(assignees());
    for (const [name, on] of before) if (on) expect(after.get(name)).toBe(true);
    expect(assignees().filter(([, on]) => on).length).toBe(before.filter(([, on]) => on).length + 2);
    expect(input('team_1[osg-software-support-stream]').checked).toBe(true);
    expect(submits).not.toHaveBeenCalled();
    expect(status()).toContain('Assigned Brian Lin (OSG Software Team) and Kelly Fong (OSG Glidein Factory Operations).');
    expect(status()).toContain('Press Update to save.');
    expect($<HTMLButtonElement>('[data-gta="triage-undo"]').disabled).toBe(false);
  });

  it('never unticks: an owner already assigned stays, and nothing else moves', async () => {
    const panel = mount(editor());
    await panel!.ready;
    owner('Jeff Dost').click(); // already chosen in the fblist
    owner('Rob Quick').click(); // already ticked
    const before = assignees();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(assignees()).toEqual(before);
    expect(status()).toContain('Jeff Dost and Rob Quick were already assigned.');
    expect(status()).toContain('Nothing changed.');
  });

  it('says so when an owner has no entry on this page, and assigns the others', async () => {
    const panel = mount(editor({ bodies: ['xrootd transfers fail'] }));
    await panel!.ready;
    expect(owner('Xavier Nobody').textContent).toContain('not on this page');
    owner('Xavier Nobody').click();
    owner('Tim Theisen').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(status()).toContain('Xavier Nobody is not in this ticket\'s assignee lists');
    expect(input('team_1[tim]').checked).toBe(true);
  });

  it('refuses a deadline that is not a date, changing nothing', async () => {
    const panel = mount(editor());
    await panel!.ready;
    owner('Brian Lin').click();
    $<HTMLInputElement>('[data-gta="triage-nad"]').value = '12/03/26';
    const before = assignees();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(status()).toMatch(/not a date/);
    expect(assignees()).toEqual(before);
    expect(input('nad').value).toBe('2026-12-04');
  });

  it('leaves next_action and nad alone when their panel fields are empty', async () => {
    const panel = mount(editor({ nextAction: 'SOFTWARE TRIAGE', nad: '2026-12-04' }));
    await panel!.ready;
    owner('Brian Lin').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(input('next_action').value).toBe('SOFTWARE TRIAGE');
    expect(input('nad').value).toBe('2026-12-04');
  });

  it('Enter in a panel field never reaches the form (it would submit or delete an attachment)', async () => {
    mount(editor());
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    $('[data-gta="triage-next-action"]').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('Undo', () => {
  it('restores every field the panel changed to its exact previous value', async () => {
    const panel = mount(editor({ nextAction: ' SOFTWARE  TRIAGE ', nad: '2026-12-04 00:00' }));
    await panel!.ready;
    const before = { assignees: assignees(), na: input('next_action').value, nad: input('nad').value, html: $('#team_7__list').innerHTML };
    owner('Brian Lin').click();
    owner('Kelly Fong').click();
    $<HTMLInputElement>('[data-gta="triage-next-action"]').value = 'Brian: check the CE';
    $<HTMLButtonElement>('[data-gta="triage-nad-preset"][data-gta-days="5"]').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    // A second Apply with another deadline: Undo still goes back to the page's own values.
    $<HTMLButtonElement>('[data-gta="triage-nad-preset"][data-gta-days="1"]').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(input('nad').value).toBe('2026-12-02');
    const changes: string[] = [];
    input('next_action').addEventListener('change', () => changes.push('next_action'));
    $<HTMLButtonElement>('[data-gta="triage-undo"]').click();
    expect(assignees()).toEqual(before.assignees);
    expect(input('next_action').value).toBe(before.na);
    expect(input('nad').value).toBe(before.nad);
    expect($('#team_7__list').innerHTML).toBe(before.html);
    expect(input('team_1[blin]').closest('.item')!.classList.contains('checked')).toBe(false);
    expect(changes).toEqual(['next_action']);
    expect(status()).toMatch(/^Undone:/);
    expect($<HTMLButtonElement>('[data-gta="triage-undo"]').disabled).toBe(true);
  });

  it('leaves alone what the user changed by hand meanwhile', async () => {
    const panel = mount(editor());
    await panel!.ready;
    owner('Brian Lin').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    input('team_1[aroy]').checked = true; // the user ticks someone else
    $<HTMLButtonElement>('[data-gta="triage-undo"]').click();
    expect(input('team_1[blin]').checked).toBe(false);
    expect(input('team_1[aroy]').checked).toBe(true);
  });
});

describe('the signed note', () => {
  const SIG = '------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org';

  async function applyWithNote(owners: string[], description = '') {
    const panel = mount(editor({ description }));
    await panel!.ready;
    for (const o of owners) owner(o).click();
    $<HTMLInputElement>('[data-gta="triage-note"]').checked = true;
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
  }

  it('inserts "Assigning to … (topic)" and the signature into the New Update box', async () => {
    await applyWithNote(['Brian Lin', 'Kelly Fong'], 'Hello Hans,');
    expect(box().value).toBe(`Hello Hans,\n\nAssigning to Brian Lin and Kelly Fong (HTCondor-CE, Glidein factory).\n\n${SIG}`);
    expect(status()).toContain('Signed note added');
  });

  it('is never added twice: a second Apply keeps one note, updated to the new owners', async () => {
    await applyWithNote(['Brian Lin']);
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(box().value.match(/Assigning to/g)).toHaveLength(1);
    owner('Tim Theisen').click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(box().value.match(/Assigning to/g)).toHaveLength(1);
    expect(box().value).toContain('Assigning to Brian Lin and Tim Theisen (HTCondor-CE).');
    expect(box().value.split(SIG)).toHaveLength(2);
  });

  it('Undo removes the note and keeps what the user wrote around it', async () => {
    await applyWithNote(['Brian Lin'], 'Hello Hans,');
    box().value += '\nP.S. logs please';
    $<HTMLButtonElement>('[data-gta="triage-undo"]').click();
    expect(box().value).toBe('Hello Hans,\nP.S. logs please');
  });
});

describe('hostile names stay text', () => {
  it('names from settings and from the fblist data become text and attributes, never markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const s = settings({ team: [{ name: evil }], experts: [{ topic: '<b>topic</b>', keywords: ['held'], people: ['"><svg onload=alert(1)>'], team: '<i>t</i>' }] });
    const fblist = { ...GLIDEIN_FBLIST, members: [...GLIDEIN_FBLIST.members, ['gf-evil', '</script><script>window.__pwned=2</script>'] as [string, string]] };
    const panel = mount(editor({ fblist }), s);
    await panel!.ready;
    const root = $('[data-gta="triage-panel"]');
    expect(root.querySelector('img, svg, script, b, i')).toBeNull();
    const people = Array.from(root.querySelectorAll('[data-gta="triage-owner"]')).map((b) => b.getAttribute('data-gta-person'));
    expect(people).toEqual(expect.arrayContaining([evil, '"><svg onload=alert(1)>', '</script><script>window.__pwned=2</script>']));
    expect(root.textContent).toContain('<b>topic</b>');
    owner('</script><script>window.__pwned=2</script>'.replace(/"/g, '\\"')).click();
    $<HTMLButtonElement>('[data-gta="triage-apply"]').click();
    expect(input('team_7[gf-evil]').type).toBe('hidden');
    expect($('#team_7__list').querySelectorAll('script')).toHaveLength(1); // the page's own list data only
    expect($('#team_7__list').querySelector('img, svg')).toBeNull();
    expect(input('team_7[gf-evil]').parentElement!.textContent).toContain('</script><script>window.__pwned=2</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
