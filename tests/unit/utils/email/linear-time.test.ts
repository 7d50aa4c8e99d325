/**
 * The e-mail parser on 1 MB of one repeated shape ('>' lines, '=', spaces, '<', "On ", encoded-word
 * starts, dashes, header-like lines, …), bare and inside a message: each within the linear-time
 * budget (tests/unit/helpers/linear-budget.ts; the minimum of 3 runs, as
 * tests/unit/utils/adversarial-inputs.test.ts measures on a loaded machine).
 * parseEmail reads at most 256 KB, so the layers below it never see more: each is held to the budget
 * at 256 KB, and its 256 KB time must stay near 4x its 64 KB time (linear), not 16x (quadratic).
 * (At 1 MB V8's per-character cost itself jumps several-fold on 10^5-line arrays, cache and GC, so a
 * ratio taken there would measure the engine, not the parser.)
 */
import { describe, expect, it } from 'vitest';
import { newTicketDraft, parseEmail } from '../../../../utils/email';
import { splitHistory } from '../../../../utils/email/history';
import { decodeEncodedWords, decodeQuotedPrintable, htmlToText } from '../../../../utils/email/mime';
import { parseAddressList, parseMailbox } from '../../../../utils/email/headers';
import { LINEAR_BUDGET_MS } from '../../helpers/linear-budget';

const MB = 1024 * 1024;
/** Below this a 256 KB time is noise: ratios are taken against at least this much. */
const NOISE_FLOOR_MS = 8;

/** A flat string (not a rope) of `unit` repeated to about `size` characters. */
function fill(unit: string, size: number, head = ''): string {
  return Buffer.from(head + unit.repeat(Math.max(1, Math.floor(size / unit.length))), 'utf16le').toString('utf16le');
}

function minTime(run: () => unknown, times = 3): number {
  let best = Infinity;
  for (let k = 0; k < times; k++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const SHAPES: [string, string][] = [
  ['> lines', '>\n'],
  ['> runs', '>'],
  ['=', '='],
  ['= lines', '=\n'],
  ['=XX', '=C3'],
  ['spaces', ' '],
  ['<', '<'],
  ['<a ', '<a '],
  ['On ', 'On '],
  ['On lines', 'On x wrote\n'],
  ['=?', '=?'],
  ['=?UTF-8?Q?', '=?UTF-8?Q?a'],
  ['dashes', '-'],
  ['dash lines', '----x----\n'],
  ['underscores', '_'],
  ['header lines', 'From: a\n'],
  ['colons', ':'],
  ['newlines', '\n'],
  ['quotes', '"'],
  ['@', '@'],
  ['&', '&'],
  ['<!--', '<!--'],
  ['</', '</'],
  ['letters', 'a'],
  ['CR', '\r'],
  ['CR LF', '\r\n'],
  ['NUL', '\u0000'],
  ['tab lines', '\t\n'],
];

const WRAPS: [string, (t: string) => string][] = [
  ['bare', (t) => t],
  ['message', (t) => `From: Jane <j@x.org>\nSubject: ${t.slice(0, 4096)}\n\nHello\n${t}`],
  ['source', (t) => `From: ${t.slice(0, 4096)}\nSubject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n${t}\n--b--\n`],
];

describe('parseEmail runs in linear time on 1 MB of one character', () => {
  it.each(SHAPES)('%s', (_name, unit) => {
    const slow: string[] = [];
    for (const [wrapName, wrap] of WRAPS) {
      const text = wrap(fill(unit, MB));
      const t = minTime(() => newTicketDraft(parseEmail(text), { name: 'Me', email: 'me@x.org' }, new Date(0)));
      if (t > LINEAR_BUDGET_MS) slow.push(`${wrapName}: ${t.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  }, 60_000);
});

const LAYERS: [string, (t: string) => unknown][] = [
  ['splitHistory', (t) => splitHistory(t.split('\n'))],
  ['decodeQuotedPrintable', (t) => decodeQuotedPrintable(t)],
  ['htmlToText', (t) => htmlToText(t)],
  ['decodeEncodedWords', (t) => decodeEncodedWords(t)],
  ['parseMailbox', (t) => parseMailbox(t)],
  ['parseAddressList', (t) => parseAddressList(t)],
];

describe('the layers below parseEmail are linear up to the 256 KB they can be given', () => {
  it.each(LAYERS)('%s', (_name, run) => {
    const slow: string[] = [];
    for (const [shape, unit] of SHAPES) {
      let problem = '';
      // A pause of the loaded machine is not super-linearity: a slow shape is measured again (twice at most).
      for (let attempt = 0; attempt < 3; attempt++) {
        const small = minTime(() => run(fill(unit, MB / 16)));
        const whole = minTime(() => run(fill(unit, MB / 4)));
        const ratio = whole / Math.max(small, NOISE_FLOOR_MS / 4);
        problem = whole > LINEAR_BUDGET_MS ? `${whole.toFixed(1)} ms at 256 KB` : ratio >= 8 ? `256 KB / 64 KB = ${ratio.toFixed(1)} (${whole.toFixed(1)} ms)` : '';
        if (!problem) break;
      }
      if (problem) slow.push(`${shape}: ${problem}`);
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
