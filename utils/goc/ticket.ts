/**
 * A GOC ticket page (viewer or editor, docs/goc-pages.md §4) read into a typed model. Pure: it reads a Document
 * and never changes it. Element references are returned beside the model (`nodes`), never inside it,
 * so the model can be logged, compared and built from plain test HTML.
 */
import { cleanText } from '../footprints';
import { SELECTORS } from './selectors';

export interface TicketSubmitter {
  /** "Full Name" (viewer) or `submitter_name` (editor). */
  name: string;
  /** Empty for guests (lock icon) or when missing. */
  email: string;
  /** The `SUBMITTER_NAME` metadata, when the page shows it. */
  submitterName: string;
}

export interface TicketAssignee {
  name: string;
  /** FP id from the editor's checklists / fblists; null in the read-only view. */
  fpid: string | null;
}

export interface TicketUpdate {
  /** Position in `#updates` (page order, newest first by default). */
  index: number;
  /** `time[datetime]` as written, or null. */
  time: string | null;
  /** Milliseconds since the epoch, or null when the datetime is missing or invalid. */
  timeMs: number | null;
  /** The `by <b>NAME</b>` header, or null when FP's author was `goc` (no "by"). */
  byHeader: string | null;
  /** The whole body as text, Show-More part included, button and script text excluded (read lazily). */
  readonly bodyText: string;
}

export interface TicketModel {
  id: number | null;
  title: string;
  mode: 'editor' | 'viewer';
  submitter: TicketSubmitter;
  assignees: TicketAssignee[];
  updates: TicketUpdate[];
  /** A New Update textarea exists (not for guests). */
  hasNewUpdateBox: boolean;
}

export interface UpdateNodes {
  element: Element;
  header: Element | null;
  body: Element | null;
}

export interface TicketNodes {
  updates: UpdateNodes[];
  updatesContainer: Element | null;
  form: HTMLFormElement | null;
  textarea: HTMLTextAreaElement | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Never body text: the Show More button, its inline script, and anything we add. */
const SKIP_TAGS = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const BLOCK_TAGS = new Set(['DIV', 'P', 'PRE', 'BLOCKQUOTE', 'LI', 'UL', 'OL', 'TABLE', 'TR']);

/**
 * The text of an update body the way the author wrote it: text nodes in order, skipping button,
 * script and extension UI (`[data-gta]` elements other than our in-place JIRA links), with a line
 * break where a block (the hidden Show More part) starts.
 */
export function bodyTextOf(body: Element | null): string {
  if (!body) return '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        out += child.nodeValue ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        const gta = el.getAttribute('data-gta');
        if (gta !== null && gta !== 'jira-link') continue;
        if (tag === 'BR') {
          out += '\n';
          continue;
        }
        if (BLOCK_TAGS.has(tag) && out.length > 0 && !out.endsWith('\n')) out += '\n';
        walk(el);
      }
    }
  };
  walk(body);
  return out.replace(/\r\n?/g, '\n');
}

function textOf(el: Element | null | undefined): string {
  return el ? cleanText(el.textContent ?? '') : '';
}

function valueOf(doc: Document, selector: string): string {
  const el = doc.querySelector(selector) as HTMLInputElement | null;
  return el ? cleanText(el.value ?? el.getAttribute('value') ?? '') : '';
}

/** Read-only view: `div.control-group` > `label.control-label` caption + `div.controls` value. */
function controlValue(doc: Document, caption: RegExp): Element | null {
  for (const group of Array.from(doc.querySelectorAll('.control-group'))) {
    const label = group.querySelector('.control-label');
    if (label && caption.test(textOf(label))) return group.querySelector('.controls');
  }
  return null;
}

function readTitle(doc: Document, id: number | null): string {
  const input = doc.querySelector('input[name="title"]') as HTMLInputElement | null;
  if (input) return cleanText(input.value ?? input.getAttribute('value') ?? '');
  const h3 = doc.querySelector('.page-header h3');
  if (h3) {
    const clone = h3.cloneNode(true) as Element;
    clone.querySelector('span.muted')?.remove();
    return cleanText(clone.textContent ?? '').replace(/^\/\s*/, '');
  }
  const title = cleanText(doc.title ?? '');
  const m = title.match(/^\[(\d+)\]\s*(.*)$/);
  if (m && (id === null || Number(m[1]) === id)) return m[2];
  return '';
}

function readId(doc: Document): number | null {
  const hidden = doc.querySelector(SELECTORS.ticketFormId) as HTMLInputElement | null;
  const fromHidden = hidden ? (hidden.value ?? hidden.getAttribute('value') ?? '').trim() : '';
  if (/^\d+$/.test(fromHidden)) return Number(fromHidden);
  const muted = textOf(doc.querySelector('.page-header h3 span.muted'));
  if (/^\d+$/.test(muted)) return Number(muted);
  const m = cleanText(doc.title ?? '').match(/^\[(\d+)\]/);
  return m ? Number(m[1]) : null;
}

function readSubmitter(doc: Document, mode: 'editor' | 'viewer'): TicketSubmitter {
  if (mode === 'editor') {
    return {
      name: valueOf(doc, 'input[name="submitter_name"]'),
      email: valueOf(doc, 'input[name="submitter_email"]'),
      submitterName: valueOf(doc, 'input[name="metadata[SUBMITTER_NAME]"]'),
    };
  }
  const emailCell = controlValue(doc, /^e-?mail$/i);
  const mailto = emailCell?.querySelector('a[href^="mailto:"]');
  let email = mailto ? cleanText(mailto.getAttribute('href')!.slice('mailto:'.length)) : textOf(emailCell);
  if (!/@/.test(email)) email = '';
  return {
    name: textOf(controlValue(doc, /^full name$/i)),
    email: email.replace(/\?.*$/, ''),
    submitterName: textOf(controlValue(doc, /^(submitter|submitter_name)$/i)),
  };
}

/** Display name of a `div.assignee`: its own text, without the team suffix and exchange link. */
function assigneeName(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('span.muted, a, [data-gta]').forEach((n) => n.remove());
  return cleanText(clone.textContent ?? '').replace(/\s*\/\s*$/, '');
}

const TEAM_KEY = /^team_\d+\[(.+)\]$/;

function readAssignees(doc: Document): TicketAssignee[] {
  const out: TicketAssignee[] = [];
  const seen = new Set<string>();
  const add = (name: string, fpid: string | null) => {
    const key = fpid ?? `name:${name.toLowerCase()}`;
    if (seen.has(key) || (!name && !fpid)) return;
    seen.add(key);
    out.push({ name, fpid });
  };
  // Editor checklists (≤12 members): checked boxes; fblists (>12): hidden inputs of selected members.
  for (const input of Array.from(doc.querySelectorAll('input[name^="team_"]')) as HTMLInputElement[]) {
    const m = (input.getAttribute('name') ?? '').match(TEAM_KEY);
    if (!m) continue;
    const isBox = (input.getAttribute('type') ?? '').toLowerCase() === 'checkbox';
    if (isBox && !input.checked) continue;
    const holder = isBox ? input.closest('.item') ?? input.parentElement : input.parentElement;
    const label = isBox ? holder?.querySelector('label') : null;
    const name = label ? textOf(label) : holder ? assigneeName(holder) : '';
    add(name, m[1]);
  }
  if (out.length === 0) {
    for (const el of Array.from(doc.querySelectorAll('div.assignee'))) add(assigneeName(el), null);
  }
  return out;
}

/** Is `el` inside an element we added (`[data-gta]`), looking no further up than `stop`? */
function insideOurUi(el: Element, stop: Element): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.hasAttribute('data-gta')) return true;
  }
  return false;
}

function headerAuthor(header: Element | null): string | null {
  if (!header) return null;
  // "by" then <b>AUTHOR</b>; our own badge (a [data-gta] element) never counts.
  for (const b of Array.from(header.querySelectorAll('b'))) {
    if (insideOurUi(b, header)) continue;
    const prev = b.previousSibling;
    const before = prev && prev.nodeType === TEXT_NODE ? prev.nodeValue ?? '' : '';
    if (/\bby\s*$/i.test(before) || before === '') {
      const name = cleanText(b.textContent ?? '');
      if (name) return name;
    }
  }
  return null;
}

/** The update's own `.header` and `pre` (direct children; a nested copy in a quote never counts). */
function partsOf(el: Element): { header: Element | null; body: Element | null } {
  let header: Element | null = null;
  let body: Element | null = null;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (!header && child.classList.contains('header')) header = child;
    else if (!body && child.tagName === 'PRE') body = child;
  }
  return { header: header ?? el.querySelector('.header'), body: body ?? el.querySelector('pre') };
}

function readUpdate(el: Element, index: number): { update: TicketUpdate; nodes: UpdateNodes } {
  const { header, body } = partsOf(el);
  const time = header?.querySelector('time')?.getAttribute('datetime')?.trim() || null;
  const parsed = time ? Date.parse(time) : Number.NaN;
  // The body is read on first use: the "by" header decides most updates without it (300-update pages).
  let text: string | undefined;
  return {
    update: {
      index,
      time,
      timeMs: Number.isFinite(parsed) ? parsed : null,
      byHeader: headerAuthor(header),
      get bodyText() {
        if (text === undefined) text = bodyTextOf(body);
        return text;
      },
    },
    nodes: { element: el, header, body },
  };
}

export function updateElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('#updates > .update_description'));
}

/** The ticket and, beside it, the elements each part came from (same order as `ticket.updates`). */
export function readTicket(doc: Document): { ticket: TicketModel; nodes: TicketNodes } {
  const editorForm = doc.querySelector(SELECTORS.ticketForm) as HTMLFormElement | null;
  const mode: 'editor' | 'viewer' = editorForm ? 'editor' : 'viewer';
  const textarea = doc.querySelector(SELECTORS.updateBox) as HTMLTextAreaElement | null;
  const form = editorForm ?? ((textarea?.closest('form') as HTMLFormElement | null) ?? null);
  const id = readId(doc);
  const updates: TicketUpdate[] = [];
  const updateNodes: UpdateNodes[] = [];
  updateElements(doc).forEach((el, i) => {
    const { update, nodes } = readUpdate(el, i);
    updates.push(update);
    updateNodes.push(nodes);
  });
  return {
    ticket: {
      id,
      title: readTitle(doc, id),
      mode,
      submitter: readSubmitter(doc, mode),
      assignees: readAssignees(doc),
      updates,
      hasNewUpdateBox: textarea !== null,
    },
    nodes: { updates: updateNodes, updatesContainer: doc.querySelector(SELECTORS.updates), form, textarea },
  };
}

export function parseTicket(doc: Document): TicketModel {
  return readTicket(doc).ticket;
}

/** Updates in time order, oldest first (page order depends on `?sort=`); undated ones keep page order. */
export function chronological(updates: readonly TicketUpdate[]): TicketUpdate[] {
  return [...updates].sort((a, b) => {
    if (a.timeMs !== null && b.timeMs !== null && a.timeMs !== b.timeMs) return a.timeMs - b.timeMs;
    // Page order is newest first by default, so a later index is older.
    return b.index - a.index;
  });
}
