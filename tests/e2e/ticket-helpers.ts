/**
 * Helpers shared by the ticket-page specs (ticket-features, unsigned-guard, xss, feature-isolation):
 * the team configuration, the simulator's ground truth, and reading our badges off a page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GtaPage, SimHandle } from './fixtures';
import { REPO_ROOT } from './harness/sim';

export interface TruthUpdate {
  uid: number;
  time: string;
  stamp: string;
  byHeader: string | null;
  kind: string;
  expectedSource: string;
  signed: boolean;
  expected: { responder: string; role: string };
  body: string;
  bodyText: string;
}

export interface TruthTicket {
  id: number;
  title: string;
  url: string;
  base: string;
  tags: string[];
  type: string;
  submitter: { name: string; email: string };
  metadata: Record<string, string>;
  assignees: string[];
  updates: TruthUpdate[];
}

/** The team config the simulator's ground truth assumes (tests/fixtures/team-config.json when present). */
export function teamConfig(extra: Record<string, unknown> = {}): Record<string, any> {
  const file = path.join(REPO_ROOT, 'tests/fixtures/team-config.json');
  let base: Record<string, any>;
  if (fs.existsSync(file)) {
    base = JSON.parse(fs.readFileSync(file, 'utf8'));
  } else {
    const personas = [
      ['Alain Roy', 'software', 'alain.roy@wisc.example.edu', ['Alain', 'aroy']],
      ['Mat Selmeci', 'software', 'mat.selmeci@wisc.example.edu', ['Mat', 'Matyas Selmeci', 'Mátyás Selmeci', 'matyas']],
      ['Tim Cartwright', 'software', 'tim.cartwright@wisc.example.edu', ['TimC', 'Timothy Cartwright', 'cat']],
      ['Brian Lin', 'software', 'brian.lin@wisc.example.edu', ['Brian', 'BL', 'blin']],
      ['Carl Edquist', 'software', 'carl.edquist@wisc.example.edu', ['Carl', 'edquist']],
      ['Tim Theisen', 'software', 'tim.theisen@wisc.example.edu', ['TimT', 'Timothy Theisen', 'tim']],
      ['Suchandra Thapa', 'software', 'suchandra.thapa@uchicago.example.edu', ['Suchandra', 'sthapa']],
      ['Rob Quick', 'osg-staff', 'rob.quick@iu.example.edu', ['Rob', 'rquick']],
      ['Elizabeth Chism', 'osg-staff', 'elizabeth.chism@iu.example.edu', ['Elizabeth', 'echism']],
      ['Kyle Gross', 'osg-staff', 'kyle.gross@iu.example.edu', ['Kyle', 'kagross']],
      ['Soichi Hayashi', 'osg-staff', 'soichi.hayashi@iu.example.edu', ['Soichi', 'hayashis']],
    ] as const;
    base = {
      identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu', footprintsId: 'aroy' },
      team: personas.map(([name, role, email, aliases]) => ({ name, role, emails: [email], aliases: [...aliases] })),
    };
  }
  return { ...base, ...extra };
}

/** Tickets carrying `tag`, with every update's ground truth. */
export async function ticketsTagged(sim: SimHandle, tag: string): Promise<TruthTicket[]> {
  const list = await sim.control<TruthTicket[]>(`tickets?full=1&tag=${encodeURIComponent(tag)}`);
  return Array.isArray(list) ? list : [];
}

export async function ticketTagged(sim: SimHandle, tag: string): Promise<TruthTicket> {
  const [t] = await ticketsTagged(sim, tag);
  if (!t) throw new Error(`the simulator has no ticket tagged ${tag}`);
  return t;
}

export interface PageUpdate {
  datetime: string | null;
  badges: number;
  responder: string | null;
  role: string | null;
  source: string | null;
  title: string | null;
  text: string | null;
  flagged: boolean;
}

/** Every `#updates > .update_description` in page order, with what our badge says about it. */
export function readUpdates(page: GtaPage): Promise<PageUpdate[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#updates > .update_description')).map((el) => {
      const header = el.querySelector('.header');
      const badges = header ? header.querySelectorAll('[data-gta="responder-badge"]') : [];
      const badge = badges[0] ?? null;
      return {
        datetime: header?.querySelector('time')?.getAttribute('datetime') ?? null,
        badges: badges.length,
        responder: badge?.getAttribute('data-gta-responder') ?? null,
        role: badge?.getAttribute('data-gta-role') ?? null,
        source: badge?.getAttribute('data-gta-source') ?? null,
        title: badge?.getAttribute('title') ?? null,
        text: badge?.textContent ?? null,
        flagged: !!header?.querySelector('[data-gta="unsigned-flag"]'),
      };
    }),
  );
}

/** The truth update shown at `datetime` (same instant). */
export function truthAt(ticket: TruthTicket, datetime: string | null): TruthUpdate | undefined {
  const t = datetime ? Date.parse(datetime) : NaN;
  return ticket.updates.find((u) => Date.parse(u.time) === t);
}

/** What the submitter fields look like once the page decoded them (FP text is printed raw). */
export function decodeEntities(text: string): string {
  return String(text).replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref] ?? m;
  });
}

/**
 * The role the page can justify. The seed's truth compares raw strings; the page shows decoded text,
 * and issue 3 makes an unknown name signed over an OSG role line "osg-staff".
 */
export function expectedRole(ticket: TruthTicket, u: TruthUpdate): string {
  if (u.expected.role !== 'unknown') return u.expected.role;
  if (decodeEntities(u.expected.responder) === decodeEntities(ticket.submitter.name)) return 'submitter';
  if (u.expectedSource === 'signature' && /\n-{4,}\n.*\nOSG Software Support\n/.test(u.body)) return 'osg-staff';
  return 'unknown';
}

/** Posts made to the simulator for one ticket (editor AJAX and read-only form). */
export async function postsFor(sim: SimHandle, id: number): Promise<Array<{ route: string; status: number; description: string; fields: Record<string, any> }>> {
  return sim.control(`updates?id=${id}`);
}
