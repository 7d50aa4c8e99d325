// @vitest-environment node
/**
 * Issue 8 on the simulator: the seeded `triage-panel` tickets (untriaged, in /list/open, matching a
 * Software expert topic and the glidein one), and saving an editor form whose owners live in a
 * checklist team and in the glidein fblist (hidden `team_N[<fpid>]` inputs), read back through
 * GET /__sim/tickets/<id>.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulator, SOFTWARE_PSEUDO_ID, TRIAGE_PANEL_TAG, GLIDEIN_TEAM_INDEX, SOFTWARE_TEAM_INDEX, type Simulator, type TicketJson, type Counts,
} from '../../goc-sim/server.mjs';

const NOW = Date.parse('2026-03-04T15:27:00Z');
const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/team-config.json'), 'utf8'));
const G = GLIDEIN_TEAM_INDEX;
const S = SOFTWARE_TEAM_INDEX;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.control('/__sim/reset', {});
});

async function login(user: string): Promise<string> {
  const res = await fetch(`${sim.origin}/__sim/login?user=${user}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
const tagged = (tag: string) => sim.control<TicketJson[]>(`/__sim/tickets?full=1&tag=${tag}`);
const readBack = (id: number) => sim.control<TicketJson>(`/__sim/tickets/${id}`);

/** The editor's fields as jQuery's serializeArray() sends them (names in document order). */
async function editorFields(id: number, cookie: string): Promise<[string, string][]> {
  const html = await (await fetch(`${sim.origin}/${id}`, { headers: { cookie } })).text();
  const win = new Window();
  const doc = new win.DOMParser().parseFromString(html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link\b[^>]*>/g, ''), 'text/html');
  const form = doc.querySelector('form#ticket_form')!;
  expect(form).not.toBeNull();
  const out: [string, string][] = [];
  for (const el of Array.from(form.querySelectorAll('input[name], select[name], textarea[name]')) as any[]) {
    if (el.disabled) continue;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
    if (el.tagName === 'SELECT') for (const o of Array.from(el.selectedOptions) as any[]) out.push([el.name, o.value]);
    else out.push([el.name, el.value]);
  }
  await win.happyDOM.close();
  return out;
}

async function post(cookie: string, pairs: [string, string][]): Promise<number> {
  const res = await fetch(`${sim.origin}/viewer/update`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(pairs).toString(),
  });
  return res.status;
}

const textOf = (t: TicketJson) => `${t.title}\n${t.updates!.map((u) => u.body).join('\n')}`.toLowerCase();
const matches = (t: TicketJson, e: { keywords: string[] }) => e.keywords.some((k) => textOf(t).includes(k.toLowerCase()));

describe('triage-panel tickets', () => {
  it('two untriaged Software tickets, matching a Software expert topic and the glidein topic, in /list/open and the counts', async () => {
    const list = await tagged(TRIAGE_PANEL_TAG);
    expect(list).toHaveLength(2);
    const glidein = fixture.experts.find((e: { team?: string }) => e.team === 'Glidein Factory Ops');
    const software = fixture.experts.filter((e: { team?: string }) => !e.team);
    const counts = await sim.control<Counts>('/__sim/state');
    const cookie = await login('aroy');
    const listHtml = await (await fetch(`${sim.origin}/list/open`, { headers: { cookie } })).text();
    for (const t of list) {
      expect(t.flags).toMatchObject({ open: true, software: true, untriaged: true });
      expect(t.assignees).toEqual([SOFTWARE_PSEUDO_ID]);
      expect(t.nextAction).toBe('SOFTWARE TRIAGE');
      expect(matches(t, glidein), `${t.id} glidein`).toBe(true);
      expect(software.filter((e: { keywords: string[] }) => matches(t, e)).length, `${t.id} software topic`).toBeGreaterThan(0);
      expect(counts.ids.untriaged).toContain(t.id);
      expect(listHtml).toContain(`window.open('${t.base}/${t.id}','ticket_${t.id}')`);
    }
    const [triaged] = await tagged(`${TRIAGE_PANEL_TAG}-triaged`);
    expect(triaged.flags).toMatchObject({ software: true, untriaged: false });
    expect(triaged.assignees).toEqual([SOFTWARE_PSEUDO_ID, 'blin', 'gf-kfong']);
  });
});

describe('saving owners from a checklist team and the glidein fblist', () => {
  it('hidden team_N[<fpid>] inputs count like ticked boxes; the list replaces the assignees; next_action and nad saved', async () => {
    const [t] = await tagged(TRIAGE_PANEL_TAG);
    const cookie = await login('aroy');
    const fields = await editorFields(t.id, cookie);
    // What the page holds before: only the pseudo-user's box is ticked; no fblist row.
    expect(fields.filter(([n]) => n.startsWith('team_'))).toEqual([[`team_${S}[${SOFTWARE_PSEUDO_ID}]`, 'on']]);
    const changed = fields.map(([n, v]): [string, string] => [n, n === 'next_action' ? 'Brian: investigate' : n === 'nad' ? '2026-03-09' : v]);
    // Tick Brian Lin's box (it comes after the pseudo-user's), add a glidein row the way the select handler does.
    const at = changed.findIndex(([n]) => n === `team_${S}[${SOFTWARE_PSEUDO_ID}]`);
    changed.splice(at + 1, 0, [`team_${S}[blin]`, 'on']);
    changed.splice(changed.findIndex(([n]) => n === 'description'), 0, [`team_${G}[gf-loconnor]`, 'on']);
    expect(await post(cookie, changed)).toBe(200);
    const after = await readBack(t.id);
    expect(after.assignees).toEqual([SOFTWARE_PSEUDO_ID, 'blin', 'gf-loconnor']);
    expect(after.assigneeNames).toEqual(['Software Support (Triage)', 'Brian Lin', "Liam O'Connor"]);
    expect(after.nextAction).toBe('Brian: investigate');
    expect(after.nadDate).toBe('2026-03-09');
    expect(after.flags).toMatchObject({ software: true, untriaged: false });
    // The saved glidein owner is printed back as a selected fblist row.
    const page = await (await fetch(`${sim.origin}/${t.id}`, { headers: { cookie } })).text();
    expect(page).toContain(`Liam O&#39;Connor<input type="hidden" name="team_${G}[gf-loconnor]" value="on"/>`);
  });

  it('an untouched form keeps a pre-selected fblist member; dropping its hidden input removes it', async () => {
    const [t] = await tagged(`${TRIAGE_PANEL_TAG}-triaged`);
    const cookie = await login('aroy');
    const fields = await editorFields(t.id, cookie);
    expect(fields).toContainEqual([`team_${G}[gf-kfong]`, 'on']);
    expect(await post(cookie, fields)).toBe(200);
    expect((await readBack(t.id)).assignees).toEqual([SOFTWARE_PSEUDO_ID, 'blin', 'gf-kfong']);
    expect(await post(cookie, fields.filter(([n]) => n !== `team_${G}[gf-kfong]`))).toBe(200);
    const after = await readBack(t.id);
    expect(after.assignees).toEqual([SOFTWARE_PSEUDO_ID, 'blin']);
    expect(after.nextAction).toBe(t.nextAction);
    expect(after.nadDate).toBe(t.nadDate);
  });
});
