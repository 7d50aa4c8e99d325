/**
 * Hostile text (issue 10, finding 1): EVERY parser entry point that reads untrusted text (ticket
 * bodies and headers, rotation feeds, the list page, the editor's list scripts, signature and name
 * checks) runs in linear time. Each is fed adversarial inputs up to 1 MB (runs of separators, dots,
 * spaces, `&lt;`, pipes, commas, `-_.`, `<`, very long single lines, "a" + spaces + "!", …), inside
 * the wrapping its format needs (a table cell, an iCal summary, a JSON value, a list cell, a JS
 * string) and bare.
 *
 * Per input and size: the minimum of 3 runs (robust on a loaded 2-core machine) must stay within the
 * linear-time budget (tests/unit/helpers/linear-budget.ts) at every size, and time(1 MB) /
 * time(250 KB) < 8 (linear gives ~4, quadratic ~16). Sizes are climbed 16 KB → 64 KB → 250 KB → 1 MB
 * and a failing rung stops the climb, so a quadratic pattern fails in a second instead of running
 * for minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildResponderIndex, identifyResponder, isNameLike, localPartFitsName, nameFromDn, nameKey, normalizeName, ownLines } from '../../../utils/responders';
import { compactKeys, isOrganisationLine, personName } from '../../../utils/responders/names';
import { findRosterLine, findSignature, findTrailer, isTrailerLine } from '../../../utils/responders/evidence';
import { cleanLine, lastLines, matchClosing, ownSegments } from '../../../utils/responders/text';
import { summarizeResponders } from '../../../utils/responder-summary';
import { detectFormat, parseRotationSource } from '../../../utils/rotation/detect';
import { cleanPerson, isDutyLabelOnly, isPlaceholder, mentionsDuty, personFromSummary, splitWikiName } from '../../../utils/rotation/person';
import { parseTwikiHtml, parseTwikiTml, tmlToText } from '../../../utils/rotation/sources/twiki';
import { parseIcs } from '../../../utils/rotation/sources/ics';
import { parseJsonRotation } from '../../../utils/rotation/sources/json';
import { parseLooseDate } from '../../../utils/rotation/sources/loose-date';
import { cleanText as listCleanText, decodeFootprints, parseListHtml } from '../../../utils/goc/list';
import { parseListData } from '../../../utils/goc/fblist';
import { contextFor } from '../helpers/roster';
// H9: other readers of untrusted ticket/page text (signature, guard, JIRA keys, names, FP entities).
import { containsSignature } from '../../../utils/signature';
import { isUpdateSigned } from '../../../utils/unsigned-guard';
import { findJiraKeys } from '../../../utils/jira';
import { foldDisplayName } from '../../../utils/experts';
import { cleanText as fpCleanText, decodeFpEntities } from '../../../utils/footprints';
// Issue 9: a pasted e-mail (utils/email).
import { newTicketDraft, parseEmail } from '../../../utils/email';
import { LINEAR_BUDGET_MS } from '../helpers/linear-budget';

const KB = 1024;
const MB = KB * KB;
const MAX_RATIO = 8;
const RUNG_SIZES = [16 * KB, 64 * KB, 256 * KB, MB];
/**
 * Below this a 250 KB time is noise (and V8 reads 1 MB strings several times slower per character than
 * 256 KB ones, cache and GC: 3 ms → 36 ms seen for a linear scan): ratios are taken against at least
 * this much. A quadratic parser still fails: it is over the budget at 1 MB or at 8× this.
 */
const NOISE_FLOOR_MS = 8;
const OPTIONS = { timeZone: 'America/Chicago', now: Date.parse('2026-02-10T15:00:00Z') };
const index = buildResponderIndex(contextFor());
const known = () => false;

/**
 * `unit` repeated to about `size` characters between `head` and `tail`, as one flat string: `repeat`
 * and `+` build ropes, which V8 reads slower per character than the flat strings a fetch or the DOM
 * gives (the difference is the test's, not the parser's).
 */
function fill(unit: string, size: number, head = '', tail = ''): string {
  return flat(head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail);
}

function flat(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** An adversarial shape: text of about `size` characters. */
type Shape = [name: string, make: (size: number) => string];

const runs = (unit: string, head = '', tail = ''): ((n: number) => string) => (n) => fill(unit, n, head, tail);

const SHAPES: Shape[] = [
  ['dots', runs('.', 'Jane', 'x')],
  ['spaces', runs(' ', 'a', '!')],
  ['newlines', runs('\n', 'a', 'b')],
  ['tabs', runs('\t', 'x', 'y')],
  ['no-break spaces', runs('\u00a0', 'Cheers ', '!')],
  ['&lt;', runs('&lt;')],
  ['&lt; with a space', runs('&lt; ')],
  ['&#62;', runs('&#62;')],
  ['&#', runs('&#', '', ';')],
  ['ampersands', runs('&', '', 'amp')],
  ['pipes', runs('|', 'Wei Zhang ')],
  ['pipe-space', runs('| ')],
  ['pipe lines', runs('| a |\n')],
  ['commas', runs(',', 'Smith')],
  ['-_. runs', runs('-_.', 'a', ' b')],
  ['dashes', runs('-', 'a', 'b')],
  ['underscores', runs('_', '', 'x')],
  ['< runs', runs('<')],
  ['<a runs', runs('<a ')],
  ['<del> unclosed', runs('<del>')],
  ['<b> pairs', runs('<b>x</b>')],
  ['[[ runs', runs('[[')],
  ['[[x][ runs', runs('[[x][')],
  ['%A runs', runs('%A')],
  ['*bold* marks', runs('*_ ')],
  ['( runs', runs('(')],
  ['a( runs', runs('a (')],
  ['one long word', runs('a')],
  ['words', runs('ab ')],
  ['a + spaces + !', (n) => fill(' ', n, 'a', '!')],
  ['a + spaces + triage', (n) => fill(' ', n, 'a', '-triage')],
  ['name + spaces + (', (n) => fill(' ', n, 'Jane', '(x')],
  ['triage words', runs('triage ')],
  ['duty separators', runs(' - duty')],
  ['on duty', runs(' on ')],
  ['quote markers', runs('> ')],
  ['quote lines', runs('> x\n')],
  ['by lines', runs('-- by ')],
  ['closings', runs('Thanks, ')],
  ['e-mail parts', runs('a.b@', '', 'c.org')],
  ['DN parts', runs('/CN=a', 'by ')],
  ['digits', runs('1')],
  ['date dashes', runs('13-')],
  ['weekday words', runs('Mon ')],
  ['accents', runs('é ')],
  ['combining marks', runs('e\u0301')],
  ['JIRA-like', runs('AB-')],
  ['brackets', runs('[{')],
  ['quotes', runs('"\\')],
  ['colons', runs(':')],
  ['html comment', runs('<!--', '', '')],
];

/** name, the call, and (for formats) how the text is wrapped first: wrapping is not timed. */
type Entry = [name: string, run: (text: string) => unknown, wrap?: (text: string) => string];

const summary = (t: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20260209\r\nSUMMARY:${t.replace(/[\r\n]/g, ' ')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const listPage = (t: string) =>
  `<html><head><title>GOC</title></head><body><table id="tickets"><thead><tr><th>ID</th><th>Title</th><th>Next Action</th><th>Assignees</th></tr></thead><tbody><tr onclick="x"><td>1</td><td>${t}</td><td>${t}</td><td>a</td></tr></tbody></table></body></html>`;

const ENTRIES: Entry[] = [
  // Ticket updates (utils/responders*)
  ['identifyResponder body', (t) => identifyResponder({ byHeader: null, bodyText: t }, index)],
  ['identifyResponder header', (t) => identifyResponder({ byHeader: t, bodyText: 'Thanks,\nJane' }, index)],
  ['identifyResponder address header + body', (t) => identifyResponder({ byHeader: 'nobody@example.org', bodyText: t }, index), (t) => `${t}\nJane Smith`],
  ['identifyResponder trailer', (t) => identifyResponder({ byHeader: 'goc', bodyText: t }, index), (t) => `Hello\n-- by ${t}`],
  ['normalizeName', normalizeName],
  ['nameKey', nameKey],
  ['compactKeys', compactKeys],
  ['isNameLike', isNameLike],
  ['isOrganisationLine', isOrganisationLine],
  ['personName', (t) => personName(t, known)],
  ['nameFromDn', nameFromDn],
  ['localPartFitsName', (t) => localPartFitsName(t, t)],
  ['ownLines', ownLines],
  ['ownSegments', ownSegments],
  ['lastLines', (t) => lastLines(t, 40)],
  ['cleanLine', cleanLine],
  ['matchClosing', matchClosing],
  ['findTrailer', (t) => findTrailer(t, index)],
  ['isTrailerLine', isTrailerLine],
  ['findSignature', (t) => findSignature(ownSegments(t).at(-1) ?? [], index), (t) => `x\n\n${t}`],
  ['findRosterLine', (t) => findRosterLine([{ text: t, blankBefore: true }], index)],
  ['summarizeResponders', (t) => summarizeResponders([{ timeMs: 1, responder: { name: t, role: 'unknown', source: 'header', reason: t } }], 2)],
  // Rotation feeds (utils/rotation/**)
  ['detectFormat', (t) => detectFormat(t, 'text/html')],
  ['detectFormat bare', (t) => detectFormat(t)],
  ['parseRotationSource', (t) => parseRotationSource(t, OPTIONS)],
  ['parseRotationSource html', (t) => parseRotationSource(t, OPTIONS), (t) => `<html><body>${t}`],
  ['parseRotationSource tml row', (t) => parseRotationSource(t, OPTIONS), (t) => `| 2026-02-09 | ${t} |\n`],
  ['parseTwikiTml', parseTwikiTml],
  ['parseTwikiTml cell', parseTwikiTml, (t) => `| *Week* | *Person* |\n| 2026-02-09 | ${t} |`],
  ['parseTwikiHtml', parseTwikiHtml],
  ['parseTwikiHtml cell', parseTwikiHtml, (t) => `<table><tr><th>Week</th><th>Person</th></tr><tr><td>2026-02-09</td><td>${t}</td></tr></table>`],
  ['tmlToText', tmlToText],
  ['parseIcs summary', (t) => parseIcs(t, OPTIONS), summary],
  ['parseIcs bare', (t) => parseIcs(t, OPTIONS)],
  ['parseJsonRotation value', parseJsonRotation, (t) => JSON.stringify([{ week: '2026-02-09', person: t }, { week: t, person: 'A B' }])],
  ['parseJsonRotation bare', parseJsonRotation],
  ['personFromSummary', (t) => personFromSummary(t, false)],
  ['personFromSummary dedicated', (t) => personFromSummary(t, true)],
  ['cleanPerson', cleanPerson],
  ['isPlaceholder', isPlaceholder],
  ['splitWikiName', splitWikiName],
  ['mentionsDuty', mentionsDuty],
  ['isDutyLabelOnly', isDutyLabelOnly],
  ['parseLooseDate', parseLooseDate],
  // The list page and the editor's list scripts (utils/goc/**)
  ['parseListHtml', parseListHtml],
  ['parseListHtml cells', parseListHtml, listPage],
  ['list cleanText', listCleanText],
  ['decodeFootprints', decodeFootprints],
  ['parseListData', parseListData],
  ['parseListData label', parseListData, (t) => `var team_1__listdata = [{ id: "1", label: ${JSON.stringify(t)} }, { id: "2", label: "${t}" }];`],
  // H9: other readers of untrusted ticket/page text: a New Update body (signature, unsigned guard,
  // JIRA keys), an assignee label (display names), FP-encoded ticket text (utils/footprints.ts).
  ['containsSignature', (t) => containsSignature(t, 'Jane Smith\nOSG Operations')],
  ['containsSignature signed', (t) => containsSignature(t, 'Jane Smith\nOSG Operations'), (t) => `${t}\n\nJane  Smith\n OSG Operations`],
  ['isUpdateSigned', (t) => isUpdateSigned(t, { signature: 'Jane Smith\nOSG Operations', names: ['Jane Smith', 'J. Smith'] })],
  ['isUpdateSigned names only', (t) => isUpdateSigned(t, { signature: '', names: ['Jane Smith'] }), (t) => `${t}\n\nThanks,\nJane Smith`],
  ['findJiraKeys', (t) => findJiraKeys(t, ['SOFTWARE'])],
  ['foldDisplayName', foldDisplayName],
  ['footprints cleanText', fpCleanText],
  ['decodeFpEntities', decodeFpEntities],
  // Issue 9: a pasted e-mail, bare, as a message, as a quoted-printable MIME source; and the draft made from it.
  ['parseEmail', parseEmail],
  ['parseEmail message', parseEmail, (t) => `From: Jane <j@x.org>\nSubject: ${t.slice(0, 2048)}\n\nHello\n${t}\n\nOn Mon, Bob <b@x.org> wrote:\n> ${t}`],
  ['parseEmail source', parseEmail, (t) => `From: ${t.slice(0, 2048)}\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n${t}\n--b--\n`],
  ['newTicketDraft', (t) => newTicketDraft(parseEmail(t), { name: t.slice(0, 100), email: 'me@x.org' }, new Date(0))],
];


/** Minimum of `times` runs of one call, in ms. */
function minTime(run: () => unknown, times: number): number {
  let best = Infinity;
  for (let k = 0; k < times; k += 1) {
    const start = performance.now();
    try {
      run();
    } catch {
      // Parsers report, not throw; a throw still counts as finishing (other tests check totality).
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

interface Measure {
  times: number[];
  problem: string | null;
}

/** Climbs the sizes; stops at the first rung over budget. */
function measure(run: (text: string) => unknown, make: (size: number) => string): Measure {
  const times: number[] = [];
  for (const size of RUNG_SIZES) {
    const text = make(size);
    const t = minTime(() => run(text), 3);
    times.push(t);
    if (t > LINEAR_BUDGET_MS) return { times, problem: `${(size / KB).toFixed(0)} KB took ${t.toFixed(1)} ms (budget ${LINEAR_BUDGET_MS} ms)` };
  }
  const ratio = times[3] / Math.max(times[2], NOISE_FLOOR_MS);
  if (times[3] > 4 * NOISE_FLOOR_MS && ratio >= MAX_RATIO) {
    return { times, problem: `1 MB / 250 KB = ${ratio.toFixed(1)} (${times[3].toFixed(1)} / ${times[2].toFixed(1)} ms): super-linear` };
  }
  return { times, problem: null };
}

/**
 * A shape that looks slow is measured again (at most twice more): a parser that really is super-linear
 * is slow every time, a pause of the loaded machine or its garbage collector is not.
 */
function measureSteady(run: (text: string) => unknown, make: (size: number) => string): Measure {
  let m = measure(run, make);
  for (let again = 0; m.problem && again < 2; again += 1) m = measure(run, make);
  return m;
}

const describeTimes = (m: Measure) => m.times.map((t) => t.toFixed(1)).join(' / ');

describe('every parser of untrusted text runs in linear time on adversarial input up to 1 MB', () => {
  it.each(ENTRIES)('%s', (name, run, wrap) => {
    const slow: string[] = [];
    for (const [shape, make] of SHAPES) {
      const m = measureSteady(run, wrap ? (size) => flat(wrap(make(size))) : make);
      if (m.problem) slow.push(`${name} on ${shape}: ${m.problem} [ms ${describeTimes(m)}]`);
    }
    expect(slow).toEqual([]);
  }, 120_000);
});

/** Random mixes of the dangerous characters, repeated to size: catches combinations the list misses. */
const PIECES = [' ', '.', '-', '_', '|', ',', '<', '>', '&lt;', '&#', ';', '\n', '\t', 'a', 'Z', '(', ')', '[', ']', '*', '%', ':', '@', '/', '=', '"', "'", '\u00a0', 'é', 'triage', 'by ', 'Thanks'];
const mixArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

describe('random mixes (fast-check)', () => {
  it('every entry point stays within budget and linear on repeated random mixes', () => {
    fc.assert(
      fc.property(mixArb, fc.constantFrom('', 'a', 'Jane Smith ', '| '), fc.constantFrom('', '!', ' |', ')'), (unit, head, tail) => {
        for (const [name, run, wrap] of ENTRIES) {
          const m = measureSteady(run, (size) => (wrap ? flat(wrap(fill(unit, size, head, tail))) : fill(unit, size, head, tail)));
          if (m.problem) throw new Error(`${name} on ${JSON.stringify(head + unit + '…' + tail)}: ${m.problem} [ms ${describeTimes(m)}]`);
        }
      }),
      { numRuns: 6, seed: 20261001 },
    );
  }, 300_000);
});
