/**
 * TWiki rotation topics, either as raw TML (`?raw=text`) or as the rendered page's HTML table.
 * Rows look like `| 13-Feb-2012 | Alain Roy |` (dates also `2012-02-13`, `13 Feb 2012`); tables may
 * have extra columns, `*bold*` header rows, links (`[[Main.AlainRoy][Alain Roy]]`), WikiNames,
 * `%RED%…%ENDCOLOR%` colouring and struck-out names (`<del>Old</del> New`).
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { parseLooseDate } from './loose-date';
import { scanPage, type BoxSpan, type CellSpan } from './html-scan';
import { replaceLinks, stripStruck, stripTags, stripVariables } from './tml-scan';
import { cleanPerson, isPlaceholder, splitWikiName } from '../person';
import { MAX_ROWS, type ParseResult, type SourceFormat } from '../types';
import { spansToWeeks, weekSpan, type DutySpan } from '../weeks';

interface Cell {
  text: string;
  header: boolean;
}
type Row = Cell[];
type Table = Row[];

const PERSON_HEADER = /\b(person|name|who|triage|on[-\s]?duty|on[-\s]?call|primary|assignee)\b/i;
const DATE_HEADER = /\b(week|date|monday|starting)\b/i;
const NOT_PERSON_HEADER = /\b(backup|secondary|shadow|notes?|comments?|remarks?|swap|status|done)\b/i;

/** Longest cell text read (see tmlToText). */
export const MAX_CELL_TEXT = 2000;
/** Table rows read from a topic, and cells read from a row (later ones are ignored). */
export const MAX_TABLE_LINES = 2 * MAX_ROWS;
export const MAX_CELLS = 50;

// ---- TML -----------------------------------------------------------------------------------------

/** Wiki markup of one cell → plain text. */
export function tmlToText(raw: string): string {
  // A rotation cell is a date, a name or a header word: only its start is read (bounded work per
  // cell whatever a hostile page holds).
  let s = raw.length > MAX_CELL_TEXT ? raw.slice(0, MAX_CELL_TEXT) : raw;
  // Markup steps are string scans (tml-scan.ts): their regexes were quadratic on hostile cells.
  // Each step runs only when its marker is in the cell: most cells are a plain date or name.
  if (s.includes('<')) {
    s = stripStruck(s); // struck out = replaced
    s = s.replace(/<br\s*\/?>/gi, ' ');
    s = stripTags(s);
  }
  if (s.includes('[[')) s = replaceLinks(s, wikiTarget); // [[target][label]], [[target]]
  if (s.includes('%')) {
    s = s.replace(/%(?:USERSWEB|MAINWEB|TWIKIWEB|SYSTEMWEB)%\.([A-Za-z0-9]+)/g, (_, w: string) => splitWikiName(w));
    s = stripVariables(s); // %RED%, %ENDCOLOR%, %ICON{…}%
  }
  if (s.includes('.')) s = s.replace(/\b(?:Main|TWiki|Sandbox|[A-Z][A-Za-z0-9]*Web)\.([A-Z][A-Za-z0-9]*)\b/g, (_, w: string) => splitWikiName(w));
  if (s.includes('!')) s = s.replace(/!([A-Z][a-z]+[A-Z]\w*)/g, '$1'); // !WikiWord = escaped WikiWord
  if (s.includes('&')) s = decodeEntities(s);
  if (/[*_=]/.test(s)) s = s.replace(/(^|\s)[*_=]{1,2}(?=\S)|(?<=\S)[*_=]{1,2}(?=\s|$)/g, '$1'); // *bold*, _it_, =code=, __x__
  s = s.replace(/\s+/g, ' ').trim();
  return /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(s) ? splitWikiName(s) : s;
}

function wikiTarget(target: string): string {
  const last = target.split(/[./]/).pop() ?? target;
  return splitWikiName(last);
}

function decodeEntities(s: string, nbsp = ' '): string {
  const named: Record<string, string> = { nbsp, amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

/**
 * Characters read from one logical line (continuations included): a rotation row is well under a
 * few hundred, and MAX_CELLS cells of MAX_CELL_TEXT fit in this; the rest of a longer line is not read.
 */
const MAX_LINE = MAX_CELLS * MAX_CELL_TEXT;
/** Lines read from a topic: a rotation topic has a few hundred to a few thousand lines. */
const MAX_TOPIC_LINES = 50_000;

/**
 * The topic's logical lines (CR, CRLF and LF end a line; a `\` at the end of a line continues it),
 * each cut to MAX_LINE, at most MAX_TOPIC_LINES of them: found with forward searches, never by
 * rewriting or splitting the whole text.
 */
function* topicLines(text: string): Generator<string> {
  let count = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  let parts: string[] = [];
  let size = 0;
  for (let at = 0; at <= text.length && count < MAX_TOPIC_LINES; ) {
    if (nextLf >= 0 && nextLf < at) nextLf = text.indexOf('\n', at);
    if (nextCr >= 0 && nextCr < at) nextCr = text.indexOf('\r', at);
    const end = Math.min(nextLf < 0 ? text.length : nextLf, nextCr < 0 ? text.length : nextCr);
    const next = text.startsWith('\r\n', end) ? end + 2 : end + 1;
    // The original joined `\` + newline after turning CR and CRLF into LF.
    const continued = end < text.length && end > at && text.charCodeAt(end - 1) === 92;
    if (size < MAX_LINE) {
      const piece = text.slice(at, Math.min(continued ? end - 1 : end, at + MAX_LINE - size));
      parts.push(piece);
      size += piece.length;
    }
    if (continued) {
      parts.push(' ');
      size += 1;
    } else {
      yield parts.length === 1 ? parts[0] : parts.join('');
      parts = [];
      size = 0;
      count += 1;
    }
    at = next;
  }
}

/** Groups consecutive `| … |` lines into tables (a `\` at the end of a line continues it). */
export function tmlTables(text: string): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  let rows = 0;
  for (const line of topicLines(text)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) {
      if (/^%TABLE\{/.test(trimmed) || trimmed === '') {
        if (trimmed === '') current = null;
        continue;
      }
      current = null;
      continue;
    }
    // Bounded work on any topic: a rotation has far fewer rows and columns than these.
    if ((rows += 1) > MAX_TABLE_LINES) break;
    const body = trimmed.replace(/^\|/, '').replace(/\|\s*$/, '');
    const cells = body.split('|', MAX_CELLS).map((raw) => {
      const t = raw.trim();
      const header = /^\*.*\*$/.test(t) && t.length > 1;
      return { text: tmlToText(t), header };
    });
    if (!current) tables.push((current = []));
    current.push(cells);
  }
  return tables;
}

export function parseTwikiTml(text: string): ParseResult {
  return tablesToResult(tmlTables(text), 'twiki-tml');
}

// ---- rendered HTML -------------------------------------------------------------------------------

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Elements nested deeper than this are not read (unclosed tags nest without end on a hostile page). */
const MAX_DEPTH = 64;

function textOf(node: ChildNode, skipStruck = true, depth = 0): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) || depth > MAX_DEPTH) return '';
  const name = node.name.toLowerCase();
  if (name === 'script' || name === 'style') return '';
  if (skipStruck && (name === 'del' || name === 's' || name === 'strike')) return ' ';
  if (name === 'br') return ' ';
  return node.children.map((c) => textOf(c, skipStruck, depth + 1)).join(name === 'p' || name === 'div' ? ' ' : '');
}

/**
 * Raw HTML read from one cell: its text is at most MAX_CELL_TEXT characters, and a real cell's markup
 * (a link, a `<del>`, a colour span) adds a few hundred more; the rest of a longer cell is not read.
 */
const MAX_CELL_HTML = 2 * MAX_CELL_TEXT;
/** Tables read from a page: a topic has a handful; a page with more is not a rotation page. */
const MAX_TABLES = 1000;
/** TML read from a `?raw=on` box: a rotation topic is a few KB of TML, this is far above any real one. */
const MAX_BOX_TEXT = 200_000;

function cellOf(html: string, span: CellSpan): Cell {
  // Each cell alone, from a bounded window: the tree builder never sees the whole page.
  const window = html.slice(span.start, Math.min(span.end, span.start + MAX_CELL_HTML));
  const children = parseDocument(window, { decodeEntities: true }).children;
  const meaningful = children.filter((c) => isElement(c) || textOf(c).trim() !== '');
  const header = span.th || (meaningful.length > 0 && meaningful.every((c) => isElement(c) && /^(b|strong)$/i.test(c.name)));
  const text = children.map((c) => textOf(c)).join('');
  return { text: tmlToText(text.slice(0, MAX_CELL_TEXT).replace(/\s+/g, ' ').trim()), header };
}

/** Tables of an HTML document (nested tables are separate tables). */
export function htmlTables(html: string, spans = scanPage(html, SCAN_LIMITS)): Table[] {
  return spans.tables.map((rows) => rows.map((row) => row.map((span) => cellOf(html, span))));
}

const SCAN_LIMITS = { rows: MAX_TABLE_LINES, cells: MAX_CELLS, tables: MAX_TABLES };

/** A `<textarea>`/`<pre>` box's text (tags dropped, a `<br>` a space, entities decoded), bounded. */
function boxText(html: string, box: BoxSpan): string {
  const raw = html.slice(box.start, Math.min(box.end, box.start + MAX_BOX_TEXT));
  return decodeEntities(box.textarea ? raw : stripTags(raw.replace(/<br\s*\/?>/gi, ' '), ''), '\u00a0');
}

export function parseTwikiHtml(html: string): ParseResult {
  const spans = scanPage(html, SCAN_LIMITS);
  const result = tablesToResult(htmlTables(html, spans), 'twiki-html');
  if (result.ok) return result;
  // `?raw=on` pages show the TML in a <textarea> or <pre>: read that instead.
  const boxes = [...spans.boxes.filter((b) => b.textarea), ...spans.boxes.filter((b) => !b.textarea)];
  for (const box of boxes) {
    const tml = boxText(html, box);
    if (/^\s*\|/m.test(tml)) {
      const fromTml = tablesToResult(tmlTables(tml), 'twiki-html');
      if (fromTml.ok) return fromTml;
    }
  }
  return result;
}

// ---- rows → weeks --------------------------------------------------------------------------------

interface TableReading {
  spans: DutySpan[];
  rotationHeader: boolean;
  dateInFirstColumn: boolean;
  skipped: number;
}

function readTable(table: Table, firstOrder: number): TableReading {
  let personColumn: number | null = null;
  let dateColumn: number | null = null;
  let rotationHeader = false;
  let dateInFirstColumn = false;
  let skipped = 0;
  const spans: DutySpan[] = [];
  for (const row of table) {
    const texts = row.map((c) => c.text);
    // Each cell's date is read once: a topic can hold MAX_TABLE_LINES rows.
    const dates = texts.map(parseLooseDate);
    const undated = dates.every((d) => d === null);
    // All-bold cells make a header row, unless the row holds a date (a highlighted week).
    const isHeader = undated && row.some((c) => c.header) && row.every((c) => c.header || c.text === '');
    if (undated) {
      // A header row (bold cells, or no date at all): learn which column holds what.
      const person = texts.findIndex((t) => PERSON_HEADER.test(t) && !NOT_PERSON_HEADER.test(t));
      const date = texts.findIndex((t) => DATE_HEADER.test(t));
      if (isHeader || (person >= 0 && date >= 0)) {
        if (person >= 0) personColumn = person;
        if (date >= 0) dateColumn = date;
        if (person >= 0 && date >= 0) rotationHeader = true;
      }
      continue;
    }
    const dateAt = dateColumn !== null && (dates[dateColumn] ?? null) !== null ? dateColumn : dates.findIndex((d) => d !== null);
    const date = dates[dateAt] ?? null;
    if (date === null) continue;
    if (dateAt === 0) dateInFirstColumn = true;
    let personText = '';
    if (personColumn !== null && personColumn !== dateAt && personColumn < texts.length) personText = texts[personColumn];
    else {
      // No header to go by: the first name-like cell after the date, else before it.
      const usable = (i: number) => texts[i] !== '' && dates[i] === null && !isPlaceholder(texts[i]);
      const columns = texts.map((_, i) => i);
      const after = columns.slice(dateAt + 1).filter((i) => texts[i] !== '');
      const found = after.length > 0 ? after.find(usable) : columns.slice(0, dateAt).reverse().find(usable);
      personText = found === undefined ? '' : texts[found];
    }
    const who = personText && !isPlaceholder(personText) ? cleanPerson(personText) : null;
    if (!who) {
      skipped += 1;
      continue;
    }
    spans.push(weekSpan(date, who.person, firstOrder + spans.length, who.email));
  }
  return { spans, rotationHeader, dateInFirstColumn, skipped };
}

/**
 * Picks the rotation among the topic's tables: tables whose header names a date and a person
 * column; else tables starting each row with a date; else the table with most dated rows.
 */
function tablesToResult(tables: Table[], format: SourceFormat): ParseResult {
  const readings: TableReading[] = [];
  let order = 0;
  for (const table of tables) {
    const reading = readTable(table, order);
    order += reading.spans.length;
    if (reading.spans.length > 0) readings.push(reading);
  }
  if (readings.length === 0) {
    const why = tables.length === 0 ? 'the page has no table' : 'no table row has a date and a person';
    return { ok: false, format, error: `No rotation found: ${why} (expected rows like "| 13-Feb-2012 | Alain Roy |").` };
  }
  let chosen = readings.filter((r) => r.rotationHeader);
  if (chosen.length === 0) chosen = readings.filter((r) => r.dateInFirstColumn);
  if (chosen.length === 0) chosen = [readings.reduce((a, b) => (b.spans.length > a.spans.length ? b : a))];
  const warnings: string[] = [];
  let spans = chosen.flatMap((r) => r.spans);
  if (spans.length > MAX_ROWS) {
    warnings.push(`Only the first ${MAX_ROWS} rows are used.`);
    spans = spans.slice(0, MAX_ROWS);
  }
  const skipped = chosen.reduce((n, r) => n + r.skipped, 0);
  if (skipped > 0) warnings.push(`${skipped} dated row(s) name no person (empty, TBD or similar) and were skipped.`);
  const weeks = spansToWeeks(spans, warnings);
  return { ok: true, format, weeks, warnings };
}
