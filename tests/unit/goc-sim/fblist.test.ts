// @vitest-environment happy-dom
/**
 * Teams of more than 12 as the real site's fblist() prints them (docs/goc-pages.md §7.1): members only in the
 * inline script's team_N__listdata, no data attributes, hostile names kept as text everywhere.
 */
import { describe, expect, it } from 'vitest';
import {
  SimState, renderTicketPage, fblist, PERSONAS, TEAMS, GLIDEIN_TEAM, GLIDEIN_TEAM_INDEX, EDITOR_TEAMS, TRIAGE_PANEL_TAG,
  type ViewContext,
} from '../../goc-sim/server.mjs';

const NOW = Date.parse('2026-03-04T15:27:00Z');
const state = new SimState({ seed: 1, now: NOW });
const view = (user: string): ViewContext => ({
  base: '', origin: 'https://ticket.opensciencegrid.org', user: PERSONAS.get(user)!, now: NOW, flash: null, variant: 'normal', query: '',
});
const parse = (html: string) =>
  new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, '').replace(/<script src=[^>]*><\/script>/g, ''), 'text/html');
const HOSTILE = `</script><img src=x onerror="window.__fbHit=1">"'\\\u2028&lt;b&gt;`;

/** The array literal after `var team_N__listdata = `, evaluated on its own (our output, so this is a test of its syntax). */
function listdata(script: string, id: string): { id: string; label: string }[] {
  const start = script.indexOf(`var ${id}__listdata = [`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = script.indexOf('];', start);
  return new Function(`return ${script.slice(start + `var ${id}__listdata = `.length, end + 1)};`)();
}

/** Runs the inline script against a stub jQuery; returns what the select handler inserts. */
function selectHtml(script: string, item: { id: string; label: string }): string {
  let options: any = null;
  let inserted = '';
  const input: any = { before: (html: string) => (inserted = html), siblings: () => ({ length: 0 }), val: () => input, hide: () => input };
  const $: any = (arg: unknown) => {
    if (typeof arg === 'function') return arg();
    if (arg === input) return input;
    return { hide: () => undefined, autocomplete: (_data: unknown, opts: unknown) => (options = opts) };
  };
  new Function('$', script)($);
  expect(options.minLength).toBe(0);
  expect(options.select.call(input, {}, { item })).toBe(false);
  return inserted;
}

describe('fblist markup (the real helper)', () => {
  const html = fblist('team_9', [{ id: 'a1', label: 'Ann One' }, { id: 'b2', label: 'Bob Two' }], ['b2']);
  const doc = parse(html);
  const box = doc.querySelector('div.fblist_container#team_9__list > div.fblist')!;

  it('prints selected rows, then input.autocomplete.ac_input, the inline script and p#team_N__acnote', () => {
    expect(box).not.toBeNull();
    const kids = [...box.children].map((e) => e.tagName.toLowerCase());
    expect(kids).toEqual(['div', 'input', 'script', 'p']);
    const row = box.querySelector(':scope > div')!;
    expect(row.textContent).toBe(' Bob Two');
    const icon = row.firstElementChild!;
    expect(icon.matches('i.icon-remove')).toBe(true);
    expect(icon.getAttribute('onclick')).toContain('$(this).parent().remove()');
    const hidden = row.querySelector('input[type=hidden][name="team_9[b2]"]') as HTMLInputElement;
    expect(hidden.value).toBe('on');
    expect(box.querySelector(':scope > input.autocomplete.ac_input')).not.toBeNull();
    expect(box.querySelector(':scope > p#team_9__acnote')!.textContent).toBe('Double click to show all');
    expect(box.getAttribute('ondblclick')).toContain(`autocomplete('search','')`);
  });

  it('has no data attributes, and members only in the inline script', () => {
    expect(html).not.toMatch(/\sdata-[\w-]+=/);
    expect([...doc.querySelectorAll('*')].every((e) => [...e.attributes].every((a) => !a.name.startsWith('data-')))).toBe(true);
    const script = box.querySelector('script')!.textContent!;
    expect(script.startsWith('$(function() {var team_9__listdata = [{ id: "a1", label: "Ann One"},\n{ id: "b2", label: "Bob Two"}];')).toBe(true);
    expect(listdata(script, 'team_9')).toEqual([{ id: 'a1', label: 'Ann One' }, { id: 'b2', label: 'Bob Two' }]);
    expect(html.split('Ann One')).toHaveLength(2); // unselected: only in the list data
    expect(script).toContain('$("#team_9__list input.autocomplete").autocomplete(team_9__listdata,');
  });

  it('the select handler inserts the same row before the input', () => {
    const script = box.querySelector('script')!.textContent!;
    const row = parse(selectHtml(script, { id: 'a1', label: 'Ann One' })).body;
    expect(row.innerHTML).toBe(
      `<div><i class="icon-remove" onclick="$(this).parent().siblings('.autocomplete').val('').show();$(this).parent().remove();"></i> Ann One<input type="hidden" name="team_9[a1]" value="on"></div>`,
    );
  });

  it('keeps a hostile label and id as text: the script stays one script, no element is injected', () => {
    const evil = fblist('team_9', [{ id: 'x"]<y', label: HOSTILE }, { id: 'ok', label: 'Fine' }], ['x"]<y']);
    expect(evil.split('</script').length).toBe(2);
    expect(evil.slice(evil.indexOf('<script'), evil.indexOf('</script'))).not.toMatch(/[\u2028\u2029]/); // JS line terminators stay escaped
    const d = parse(evil);
    expect(d.querySelectorAll('script')).toHaveLength(1);
    expect(d.querySelector('img')).toBeNull();
    const script = d.querySelector('script')!.textContent!;
    expect(() => new Function('$', script)).not.toThrow();
    expect(listdata(script, 'team_9')).toEqual([{ id: 'x"]<y', label: HOSTILE }, { id: 'ok', label: 'Fine' }]);
    const row = d.querySelector('.fblist > div')!;
    expect(row.textContent).toBe(` ${HOSTILE}`);
    expect(row.querySelector('input[type=hidden]')!.getAttribute('name')).toBe('team_9[x"]<y]');
    const added = parse(selectHtml(script, { id: 'x"]<y', label: HOSTILE })).body;
    expect(added.querySelector('img')).toBeNull();
    expect(added.querySelectorAll('div')).toHaveLength(1);
    expect(added.querySelector('div')!.textContent).toBe(` ${HOSTILE}`);
    expect(added.querySelector('input[type=hidden]')!.getAttribute('name')).toBe('team_9[x"]<y]');
  });
});

describe('the Glidein Factory Operations team in the editor', () => {
  const [untriaged] = state.tickets.filter((t) => t.tags.includes(TRIAGE_PANEL_TAG));
  const [triaged] = state.tickets.filter((t) => t.tags.includes(`${TRIAGE_PANEL_TAG}-triaged`));
  const N = GLIDEIN_TEAM_INDEX;

  it('has more than 12 people with FP ids, names and e-mails, appended after the existing teams', () => {
    expect(N).toBe(7);
    expect(TEAMS).toHaveLength(8);
    expect(TEAMS[N].members.length).toBeGreaterThanOrEqual(13);
    expect(TEAMS[N].members).toEqual(GLIDEIN_TEAM.map((p) => p.id));
    for (const p of GLIDEIN_TEAM) expect(PERSONAS.get(p.id)).toMatchObject({ name: p.name, role: 'glidein', fpAgent: true, email: expect.stringMatching(/@/) });
    expect(EDITOR_TEAMS.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('renders as an fblist whose list data names every member; nothing selected on an untriaged ticket', () => {
    const html = renderTicketPage(state.viewTicket(untriaged), view('aroy'));
    const doc = parse(html);
    expect(doc.querySelector(`div.fblist_container#team_${N}__list > div.fblist > input.autocomplete.ac_input`)).not.toBeNull();
    expect(doc.querySelector(`#team_${N}__list b.teamname, b.teamname + #team_${N}__list`)).not.toBeNull();
    expect(doc.querySelectorAll(`#team_${N}__list .fblist > div`)).toHaveLength(0);
    const script = doc.querySelector(`#team_${N}__list script`)!.textContent!;
    expect(listdata(script, `team_${N}`)).toEqual(GLIDEIN_TEAM.map((p) => ({ id: p.id, label: p.name })));
    // The FP ids exist only in that script (names also in the page's CC `persons`, as on the real site).
    for (const p of GLIDEIN_TEAM) expect(html.split(`"${p.id}"`), p.id).toHaveLength(2);
    expect(doc.querySelector('#ticket_form [data-team], #ticket_form [data-choices]')).toBeNull();
  });

  it('prints an assigned glidein person as a selected row with its hidden input', () => {
    const doc = parse(renderTicketPage(state.viewTicket(triaged), view('aroy')));
    const rows = [...doc.querySelectorAll(`#team_${N}__list .fblist > div`)];
    expect(rows.map((r) => r.textContent)).toEqual([' Kelly Fong']);
    expect(rows[0].querySelector(`input[type=hidden][name="team_${N}[gf-kfong]"]`)).not.toBeNull();
  });
});
