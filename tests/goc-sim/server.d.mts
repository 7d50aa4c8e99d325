/**
 * Types for tests/goc-sim/server.mjs (the simulator's public API). The other .mjs files of the
 * simulator are untyped on purpose: import them with `// @ts-expect-error plain ESM without types`.
 */

export type FaultMode = 'none' | 'slow' | '500' | '401' | 'login' | 'markup' | 'garbage' | 'timeout' | 'reset';

export interface Fault {
  mode: FaultMode;
  /** '' = every app route (not static libraries); a path prefix (with or without /goc); or a regex string. */
  match: string;
  delayMs: number;
  /** Remaining uses; null = until cleared. */
  times: number | null;
}

export interface Persona {
  id: string;
  name: string;
  email: string;
  phone: string;
  role: 'software' | 'osg-staff' | 'glidein' | 'user' | 'viewer' | 'pseudo';
  perms: string[];
  fpAgent: boolean;
  institution: string;
  dn?: string;
  aliases?: string[];
  vo?: string;
}

export type ResponderRole = 'software' | 'osg-staff' | 'submitter' | 'unknown';
export type ResponderSource = 'header' | 'trailer' | 'signature' | 'roster' | 'none';

export interface UpdateTruth {
  author: string;
  role: ResponderRole;
  expectedSource: ResponderSource;
  signed: boolean;
  kind: string;
  expected: { responder: string; role: ResponderRole };
  historyAppended?: boolean;
}

/** A description as stored (plain text body; FP encoding happens when rendered). */
export interface SimUpdate {
  uid: number;
  time: number;
  /** FP stamp author: 'goc' means no `by <b>NAME</b>` header. */
  stamp: string;
  body: string;
  truth: UpdateTruth;
}

export interface SimTicket {
  id: number;
  title: string;
  status: string;
  priority: number;
  type: string;
  nextAction: string;
  nad: number;
  submitted: number;
  updated: number;
  submitter: { name: string; email: string; phone: string };
  cc: string[];
  assignees: string[];
  metadata: Record<string, string>;
  attachments: { name: string; size: number; date: string }[];
  links: number[];
  /** '' or '/goc': where the ticket "lives" (both bases always work). */
  base: string;
  tags: string[];
  xss?: boolean;
  descriptions: SimUpdate[];
  history: { time: number; lines: string[] }[];
}

/** `GET /__sim/tickets/<id>` → one of these; `updates` items are UpdateJson. */
export interface UpdateJson extends Omit<UpdateTruth, 'historyAppended'> {
  uid: number;
  time: string;
  unix: number;
  stamp: string;
  byHeader: string | null;
  historyAppended: boolean;
  body: string;
  bodyText: string;
  meta: string | null;
  lines: number;
  fpBody: string;
}

export interface TicketJson {
  id: number;
  title: string;
  status: string;
  priority: number;
  type: string;
  nextAction: string;
  nad: string;
  nadDate: string;
  submitted: string;
  updated: string;
  updateDate: string;
  submitter: { name: string; email: string; phone: string };
  cc: string[];
  assignees: string[];
  assigneeNames: string[];
  metadata: Record<string, string>;
  attachments: { name: string; size: number; date: string }[];
  links: number[];
  base: string;
  url: string;
  tags: string[];
  flags: { open: boolean; software: boolean; untriaged: boolean; stale: boolean; overdue: boolean };
  updateCount: number;
  updates?: UpdateJson[];
  history?: { time: string; lines: string[] }[];
}

export interface Counts {
  now: string;
  open: number;
  openVisibleToGuests: number;
  software: number;
  untriaged: number;
  stale: number;
  overdue: number;
  softwareOverdue: number;
  recentlyClosed: number;
  tickets: number;
  updates: number;
  ids: { open: number[]; software: number[]; untriaged: number[]; stale: number[]; overdue: number[]; softwareOverdue: number[] };
}

export interface PostLogEntry {
  seq: number;
  time: string;
  route: 'viewer/update' | 'viewer/updatebasic' | 'attachment/handler';
  id: number | null;
  user: string | null;
  status: number;
  /** Exactly what the page sent, in order (textarea newlines as the browser sent them: CRLF). */
  pairs: [string, string][];
  /** The same, grouped: repeated names and names ending in [] become arrays. */
  fields: Record<string, string | string[]>;
  description: string;
  update?: UpdateJson | null;
}

export interface TicketPatch {
  id?: number;
  title?: string;
  status?: string;
  priority?: number;
  type?: string;
  nextAction?: string;
  /** ms, ISO string or YYYY-MM-DD */
  nad?: number | string;
  updated?: number | string;
  submitted?: number | string;
  submitter?: { name?: string; email?: string; phone?: string };
  cc?: string[];
  /** FP ids; replaces the list */
  assignees?: string[];
  addAssignees?: string[];
  removeAssignees?: string[];
  metadata?: Record<string, string>;
  tags?: string[];
  /** New ticket: its first description; existing ticket: appended (author = none). */
  description?: string;
  update?: { author?: string; body: string; stamp?: string };
  /** false: do not move the update date on a patch */
  touch?: boolean;
}

export interface DutyAnswer {
  date: string;
  weekStart: string;
  weekend: boolean;
  person: string | null;
  email: string | null;
  next: string | null;
  nextWeekStart: string;
  reason: 'weekend' | 'exdate' | 'override' | 'before-start' | 'rrule';
  error?: string;
}

export declare class SimState {
  constructor(options?: { seed?: number; now?: Date | number | string });
  seed: number;
  now0: number;
  tickets: SimTicket[];
  updatesLog: PostLogEntry[];
  faults: Fault[];
  requests: { method: string; path: string; status: number; ms: number; time: string }[];
  reset(options?: { seed?: number; now?: Date | number | string }): this;
  now(): number;
  setClock(ms: number): void;
  ticket(id: number | string): SimTicket | null;
  openTickets(): SimTicket[];
  recentlyClosed(days?: number): SimTicket[];
  counts(at?: number): Counts;
  setFault(fault: { mode?: FaultMode; match?: string; delayMs?: number; times?: number }): Fault[];
  clearFaults(): void;
  upsertTicket(patch: TicketPatch): SimTicket;
  /** The ticket plus what its page shows besides (linked and similar tickets): pass this to renderTicketPage. */
  viewTicket(t: SimTicket): SimTicket & { linkedTickets: { id: number; title: string }[]; similar: { id: number; title: string; status: string; excerpt: string }[] };
  benchTicket(updates?: number): SimTicket;
  listWithRows(rows: number): SimTicket[];
  ticketJson(t: SimTicket, options?: { full?: boolean }): TicketJson;
}

export interface Simulator {
  /** Origin plus the requested base, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  origin: string;
  port: number;
  https: boolean;
  state: SimState;
  server: import('node:http').Server;
  certificate: { key: string; cert: string } | null;
  /** Control API from Node, trusting the self-signed certificate. A body means POST (JSON). */
  control<T = any>(route: string, body?: unknown, options?: { method?: string }): Promise<T>;
  close(): Promise<void>;
}

export declare function startSimulator(options?: {
  port?: number;
  https?: boolean;
  host?: string;
  now?: Date | number | string;
  seed?: number;
  base?: '' | '/goc';
}): Promise<Simulator>;

export declare function simulatorCertificate(): Promise<{ key: string; cert: string }>;
export declare const USER_COOKIE: 'gocsim_user';
export declare const FLASH_COOKIE: 'gocsim_flash';

/** View context for the pure renderers. */
export interface ViewContext {
  base: '' | '/goc';
  origin: string;
  user: Persona | null;
  now: number;
  flash: { id: number | string } | null;
  variant: 'normal' | 'changed';
  query: string;
}
export declare function renderTicketPage(ticket: SimTicket, v: ViewContext, query?: { sort?: 'up' | 'down' | null; expandall?: boolean }): string;
export declare function renderListPage(tickets: SimTicket[], v: ViewContext, options?: { which?: 'open' | 'recentclose' }): string;
export declare function renderRss(items: { ticket: SimTicket; mtime: number }[], v: ViewContext, query: string): string;
export declare function renderLoginPage(v: ViewContext, to?: string): string;
export declare function renderNoSuchTicket(id: number | string, v: ViewContext): string;
export declare function renderSecurityDenied(id: number | string, v: ViewContext, notification?: boolean): string;
export declare function renderAuthError(v: ViewContext): string;

export declare function generateSeed(options?: { seed?: number; now?: Date | number }): { seed: number; now: number; tickets: SimTicket[] };
export declare function makeBenchTicket(options?: { id?: number; updates?: number; now?: number; seed?: number }): SimTicket;
export declare function makeListFiller(options: { count: number; startId?: number; now?: number; seed?: number }): SimTicket[];
export declare function classify(t: SimTicket, now: number): { open: boolean; software: boolean; untriaged: boolean; stale: boolean; overdue: boolean };
export declare const TRIAGE_NEXT_ACTION: 'SOFTWARE TRIAGE';
/** Untriaged Software tickets matching a Software expert topic and the glidein topic; `${TRIAGE_PANEL_TAG}-triaged`: one already triaged. */
export declare const TRIAGE_PANEL_TAG: 'triage-panel';
export declare function updateJson(d: SimUpdate): UpdateJson;

export declare function rotationIcs(now: number, options?: { empty?: boolean }): string;
export declare function rotationJson(now: number): string;
export declare function rotationTml(now: number): string;
export declare function rotationTwikiHtml(now: number): string;
export declare function expectedDuty(now: number, date?: string): DutyAnswer;

/** The inner HTML of an update's `pre` (FP encoding, links, trimmed lines, Show More past 35 lines). */
export declare function renderBodyHtml(text: string, options?: { guest?: boolean; expandall?: boolean; uid?: number | string }): string;
export declare function fpEncode(text: string): string;
export declare function decodeEntities(html: string): string;
export declare function splitMeta(body: string): { text: string; meta: string | null };
export declare function maskEmail(email: string): string;
export declare const SHOW_LINES: 35;

export declare const XSS_PAYLOADS: string[];
export declare const XSS_MARKER: 'GTA-XSS-EXECUTED';
export declare const XSS_JS: string;

export declare const PERSONAS: Map<string, Persona>;
export declare const SOFTWARE_TEAM: Persona[];
export declare const GOC_STAFF: Persona[];
export declare const USERS: Persona[];
export declare const VIEWER: Persona;
export declare const SOFTWARE_PSEUDO_ID: 'osg-software-support-stream';
export declare const TEAMS: { team: string; members: string[] }[];
/** OSG Glidein Factory Operations: 14 FP agents outside the roster (role 'glidein'), team index GLIDEIN_TEAM_INDEX (an fblist). */
export declare const GLIDEIN_TEAM: Persona[];
/** The Software team's `team_N` (2, as on the real site: docs/goc-pages.md §7.1). Name teams through these, never a bare number. */
export declare const SOFTWARE_TEAM_INDEX: 2;
export declare const SUPPORT_CENTERS_TEAM_INDEX: 1;
export declare const GLIDEIN_TEAM_INDEX: 7;
/** Team indices per editor column. */
export declare const EDITOR_TEAMS: number[][];
/** The real site's fblist() markup for a team of more than 12 (`id` = `team_N`). */
export declare function fblist(id: string, items: { id: string; label: string }[], selected: string[], maxSelect?: number): string;
