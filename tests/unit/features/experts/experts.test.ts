// @vitest-environment happy-dom
/**
 * Expert suggestions assigning through the page's own lists (issue 8): a click ticks exactly one box in a
 * checklist team, or adds a row to an autocomplete (fblist) team printed as the simulator's copy of the
 * site's fblist() helper prints it; the expert entry's team label is shown; the roster's Footprints id wins.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { expertTeams, mountExperts, rosterFootprintsId } from '../../../../features/experts';
import { forgetAnalysis } from '../../../../features/shared/ticket-analysis';
import { detectPage } from '../../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../../utils/settings';
import { fblist } from '../../../goc-sim/server.mjs';
import { editorPage, viewerPage } from '../../helpers/ticket-pages';
import { ROSTER } from '../../helpers/roster';

const GLIDEIN = [
  { id: 'gf-mhoward', label: 'Marisol Howard' },
  { id: 'gf-loconnor', label: "Liam O'Connor" },
  { id: 'gf-tbergstrom', label: 'Tomás Bergström' },
  ...Array.from({ length: 12 }, (_, i) => ({ id: `gf-p${i}`, label: `Factory Person ${i}` })),
];

function editorHtml(): string {
  const html = editorPage({
    id: 555,
    title: 'HTCondor-CE held jobs; glidein factory entry down',
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
    updates: [{ datetime: '2018-01-01T10:00:00+00:00', by: 'OSG-GOC', bodyHtml: 'Jobs held.' }],
  });
  const team = `<b class="teamname">OSG Glidein Factory Operations</b>\n${fblist('team_7', GLIDEIN, ['gf-mhoward'])}`;
  return html.replace('<div class="row-fluid control-group"><div class="span4">', `$&</div><div class="span4">${team}</div><div class="span4">`);
}

const EXPERTS = [
  { topic: 'HTCondor-CE', keywords: ['HTCondor-CE'], people: ['Tim Cartwright', 'Nobody Listed'] },
  { topic: 'Glidein factory', keywords: ['glidein'], people: ["Liam O'Connor", 'Marisol Howard', 'Tomas'], team: 'Glidein Factory Ops' },
];

function settings(extra: Record<string, unknown> = {}): Settings {
  const team = [...ROSTER, { name: 'Tomas', aliases: ['Tomás B.'], role: 'osg-staff', footprintsId: 'gf-tbergstrom' }];
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, team, experts: EXPERTS, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  forgetAnalysis(document);
  return document;
}

function env(doc: Document, s: Settings) {
  return { document: doc, settings: s, ctx: new ContentScriptContext('test'), page: detectPage(doc, new URL('https://ticket.opensciencegrid.org/555')) };
}

const item = (box: HTMLElement, person: string) => box.querySelector<HTMLElement>(`li[data-gta-person="${person}"]`)!;
const click = (box: HTMLElement, person: string) => item(box, person).querySelector('button')!.click();
const state = (box: HTMLElement, person: string) => item(box, person).getAttribute('data-gta-state');
const teamKeys = (doc: Document) => Array.from(new FormData(doc.querySelector('form')!).keys()).filter((k) => k.startsWith('team_'));

describe('expert suggestions assign in both kinds of list', () => {
  it('ticks exactly one box for a person in two teams; says already and missing', () => {
    const doc = load(editorHtml());
    const box = mountExperts(env(doc, settings()))!;
    const before = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map((i) => i.checked);
    click(box, 'Tim Cartwright');
    expect(state(box, 'Tim Cartwright')).toBe('ticked');
    const after = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map((i) => i.checked);
    expect(after.filter((c, i) => c !== before[i])).toHaveLength(1);
    expect(doc.querySelector<HTMLInputElement>('input[name="team_1[cat]"]')!.checked).toBe(true);
    expect(doc.querySelector<HTMLInputElement>('input[name="team_3[cat]"]')!.checked).toBe(false);
    expect(item(box, 'Tim Cartwright').textContent).toContain('Ticked Tim Cartwright in Team 1. Press Update to save.');
    click(box, 'Tim Cartwright');
    expect(state(box, 'Tim Cartwright')).toBe('already');
    const keys = teamKeys(doc);
    click(box, 'Nobody Listed');
    expect(state(box, 'Nobody Listed')).toBe('missing');
    expect(item(box, 'Nobody Listed').textContent).toMatch(/No assignee box for "Nobody Listed"/);
    expect(teamKeys(doc)).toEqual(keys);
  });

  it('adds a row to the fblist team for a person found only in its list data, and shows the team label', () => {
    const doc = load(editorHtml());
    const box = mountExperts(env(doc, settings()))!;
    const liam = item(box, "Liam O'Connor");
    expect(liam.getAttribute('data-gta-team')).toBe('Glidein Factory Ops');
    expect(liam.querySelector('.gta-expert-team')!.textContent).toBe(' (Glidein Factory Ops)');
    expect(item(box, 'Tim Cartwright').querySelector('.gta-expert-team')).toBeNull();
    click(box, "Liam O'Connor");
    expect(state(box, "Liam O'Connor")).toBe('added');
    expect(liam.textContent).toContain("Added Liam O'Connor to OSG Glidein Factory Operations. Press Update to save.");
    const row = doc.querySelector('#team_7__list [data-gta="assignee-added"]')!;
    expect(row.nextElementSibling!.matches('input.autocomplete')).toBe(true);
    expect(teamKeys(doc)).toEqual(expect.arrayContaining(['team_7[gf-loconnor]', 'team_7[gf-mhoward]']));
    // The server printed Marisol as chosen: already assigned, nothing added.
    click(box, 'Marisol Howard');
    expect(state(box, 'Marisol Howard')).toBe('already');
    expect(doc.querySelectorAll('[data-gta="assignee-added"]')).toHaveLength(1);
  });

  it('uses the roster\u2019s Footprints id when the display names differ', () => {
    const doc = load(editorHtml());
    const box = mountExperts(env(doc, settings()))!;
    click(box, 'Tomas');
    expect(state(box, 'Tomas')).toBe('added');
    expect(teamKeys(doc)).toContain('team_7[gf-tbergstrom]');
    expect(doc.querySelector('[data-gta="assignee-added"]')!.textContent!.trim()).toBe('Tomás Bergström');
  });

  it('lists the team label as text in the read-only view', () => {
    const doc = load(
      viewerPage({ id: 555, title: 'glidein factory', user: 'Pat Viewer', fullName: 'Jane Smith', email: 'j@x.example.edu', assignees: [], updates: [] }),
    );
    const box = mountExperts(env(doc, settings()))!;
    expect(box.querySelectorAll('button')).toHaveLength(0);
    expect(item(box, "Liam O'Connor").textContent).toBe("Liam O'Connor (Glidein Factory Ops): Glidein factory (glidein)");
  });
});

describe('expert helpers', () => {
  it('collects team labels of matching entries and finds Footprints ids by name or alias', () => {
    const s = settings();
    expect(expertTeams(s.experts, { person: 'marisol howard', topics: [{ topic: 'Glidein factory', keywords: ['glidein'] }] })).toEqual(['Glidein Factory Ops']);
    expect(expertTeams(s.experts, { person: 'Tim Cartwright', topics: [{ topic: 'HTCondor-CE', keywords: ['x'] }] })).toEqual([]);
    expect(rosterFootprintsId(s.team, 'Tomás B.')).toBe('gf-tbergstrom');
    expect(rosterFootprintsId(s.team, 'Alain Roy')).toBeUndefined();
  });
});
