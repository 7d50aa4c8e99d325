/**
 * Cell text → values, shared by both list parsers: whitespace, Footprints' doubly-encoded
 * character references, `<br>` lines, the N/A marker and dates.
 */
import { BR_MARK, type RawCell } from './model';

const WHITESPACE = /[\s\u00a0]+/g;

/**
 * The most of one cell's (or header's, or menu name's) text that is read. Real cells are short: a
 * title is at most a few hundred characters, an assignee or CC cell a few dozen names; 16 KB is far
 * above any of them, and bounds the work on a hostile or broken page (issue 10, finding 1).
 */
export const CELL_TEXT_MAX = 16 * 1024;

/** Collapses whitespace (NBSP included) and trims; reads at most CELL_TEXT_MAX characters. */
export function cleanText(text: string): string {
  return text.slice(0, CELL_TEXT_MAX).replace(WHITESPACE, ' ').trim();
}

/**
 * Footprints numeric character references (`&#58;` …) left in text after the HTML-level decode:
 * `htmlentities` on the server turns FP's `&#58;` into `&amp;#58;`, so one decode leaves `&#58;`.
 */
export function decodeFootprints(text: string): string {
  text = text.slice(0, CELL_TEXT_MAX);
  if (!text.includes('&#')) return text;
  return text.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (whole, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** The cell as one line, or null when empty or the server's muted "N/A". */
export function cellValue(cell: RawCell | undefined): string | null {
  if (!cell) return null;
  const value = cleanText(decodeFootprints(cell.text.slice(0, CELL_TEXT_MAX).replaceAll(BR_MARK, ' ')));
  if (value === '' || (cell.muted && value === 'N/A')) return null;
  return value;
}

/** The cell's `<br>`-separated lines, blank and N/A lines dropped. */
export function cellLines(cell: RawCell): string[] {
  return cell.text
    .slice(0, CELL_TEXT_MAX)
    .split(BR_MARK)
    .map((line) => cleanText(decodeFootprints(line)))
    .filter((line) => line !== '' && !(cell.muted && line === 'N/A'));
}

const DATE = /\d{4}-\d{2}-\d{2}/;

/** The first YYYY-MM-DD in the cell (the server appends times and notes to some dates). */
export function dateValue(cell: RawCell | undefined): string | null {
  const value = cellValue(cell);
  const match = value?.match(DATE);
  return match ? match[0] : null;
}
