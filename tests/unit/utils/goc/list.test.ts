// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseListDocument,
  parseListHtml,
  CELL_TEXT_MAX,
  type ListParseResult,
  type ListTicket,
} from '../../../../utils/goc/list';
import { MAX_CELL_ELEMENTS, MAX_OPEN, MAX_RUN } from '../../../../utils/goc/list/from-html';
import {
  APP_LOGIN_PAGE_HTML,
  ERROR_PAGE_HTML,
  LOGIN_PAGE_HTML,
  renderListHtml,
  type FixtureTicket,
} from './list-fixture';

/** Both paths, asserted to agree, so every test below checks the worker and the page parser. */
function parseBoth(html: string): ListParseResult {
  const fromString = parseListHtml(html);
  const fromDocument = parseListDocument(new DOMParser().parseFromString(html, 'text/html'));
  expect(fromDocument).toEqual(fromString);
  return fromString;
}

function tickets(result: ListParseResult): ListTicket[] {
  if (result.status !== 'list') throw new Error(`expected a list, got ${result.status}: ${result.reason}`);
  return result.tickets;
}

const SAMPLE: FixtureTicket[] = [
  {
    id: 38001,
    submitter: "O'Brien & Sons",
    submitDate: '2018-03-10',
    title: 'HTCondor-CE&#58; jobs held &#60;again&#62; &amp; again',
    type: 'Problem/Request',
    updateDate: '2018-03-12',
    nextAction: 'SOFTWARE TRIAGE',
    nad: '2018-03-11',
    nadRed: true,
    priority: 'High Priority',
    assignees: ['Software Support (Triage)', 'Rob Quick'],
    ccs: ['a@b.edu', 'c@d.edu'],
    meta: { Resource: 'UW-CE1', 'Virtual Organization': 'OSG' },
  },
  {
    id: 38002,
    title: 'Plain title',
    nextAction: 'ENG Action',
    nad: null,
    priority: 'Normal',
    assignees: ['Alain Roy'],
  },
];

describe('parseListHtml / parseListDocument on docs/goc-pages.md §10 markup', () => {
  it('reads every field of the 19 columns, decoding entities and NBSP', () => {
    const result = parseBoth(renderListHtml(SAMPLE));
    expect(result.status).toBe('list');
    if (result.status !== 'list') return;
    expect(result.signedIn).toBe(true);
    expect(result.userName).toBe('Alain Roy');
    expect(result.columns).toHaveLength(19);
    const [first, second] = result.tickets;
    expect(first).toEqual({
      id: 38001,
      title: 'HTCondor-CE: jobs held <again> & again',
      submitter: "O'Brien & Sons",
      submitDate: '2018-03-10',
      type: 'Problem/Request',
      updateDate: '2018-03-12',
      nextAction: 'SOFTWARE TRIAGE',
      nad: '2018-03-11',
      nadPastByColour: true,
      priority: 'High Priority',
      assignees: ['Software Support (Triage)', 'Rob Quick'],
      ccs: ['a@b.edu', 'c@d.edu'],
      ccsHidden: false,
      meta: {
        resource: 'UW-CE1',
        resourceGroup: null,
        supportCenter: null,
        virtualOrganization: 'OSG',
        submittedVia: null,
        ggusTicketType: null,
        ggusTicketId: null,
        snowTicketId: null,
      },
    });
    expect(second.nad).toBeNull();
    expect(second.nadPastByColour).toBe(false);
    expect(second.ccs).toEqual([]);
    expect(second.assignees).toEqual(['Alain Roy']);
  });

  it('keeps NBSP out of names and values', () => {
    const [t] = tickets(parseBoth(renderListHtml([{ id: 5, title: '\u00a0 Spaced\u00a0title \u00a0', assignees: ['Mat Selmeci'] }])));
    expect(t.title).toBe('Spaced title');
    expect(t.assignees).toEqual(['Mat Selmeci']);
    expect(t.assignees?.[0]).not.toContain('\u00a0');
  });

  it('guest page: CCs "(Hidden)", signed out, rows still readable', () => {
    const result = parseBoth(renderListHtml(SAMPLE, { guest: true }));
    expect(result.status).toBe('list');
    if (result.status !== 'list') return;
    expect(result.signedIn).toBe(false);
    expect(result.userName).toBeNull();
    expect(result.tickets[0].ccs).toBeNull();
    expect(result.tickets[0].ccsHidden).toBe(true);
    expect(result.tickets[0].assignees).toEqual(['Software Support (Triage)', 'Rob Quick']);
  });

  it('drops blank assignee lines (unknown FP ids give empty names)', () => {
    const [t] = tickets(parseBoth(renderListHtml([{ id: 7, title: 't', assignees: ['', 'Brian Lin', '', ''] }])));
    expect(t.assignees).toEqual(['Brian Lin']);
  });

  it('an assignee cell with no names at all gives an empty list, not null', () => {
    const [t] = tickets(parseBoth(renderListHtml([{ id: 8, title: 't', assignees: [] }])));
    expect(t.assignees).toEqual([]);
  });

  it('missing meta columns (older layout): meta is null, the rest is read', () => {
    const html = renderListHtml(SAMPLE, { omitMeta: ['Resource', 'Resource Group', 'SNOW Ticket ID', 'GGUS Ticket ID'] });
    const result = parseBoth(html);
    if (result.status !== 'list') throw new Error(result.status);
    expect(result.columns).toHaveLength(15);
    expect(result.tickets[0].meta.resource).toBeNull();
    expect(result.tickets[0].meta.virtualOrganization).toBe('OSG');
    expect(result.tickets[0].nextAction).toBe('SOFTWARE TRIAGE');
  });

  it('Security rows absent for guests: the list simply has fewer rows', () => {
    const all = [...SAMPLE, { id: 38003, title: 'Incident', type: 'Security', assignees: ['Rob Quick'] }];
    expect(tickets(parseBoth(renderListHtml(all))).map((t) => t.id)).toEqual([38001, 38002, 38003]);
    const guest = all.filter((t) => t.type !== 'Security');
    expect(tickets(parseBoth(renderListHtml(guest, { guest: true }))).map((t) => t.id)).toEqual([38001, 38002]);
  });

  it('an empty list with the right headers is a real zero', () => {
    const result = parseBoth(renderListHtml([]));
    expect(result).toMatchObject({ status: 'list', tickets: [], skippedRows: 0 });
  });

  it('takes the id from the row onclick when the ID cell is unusable', () => {
    const html = renderListHtml([{ id: 4242, title: 't' }]).replace('<td>4242</td>', '<td><span class="muted">N/A</span></td>');
    expect(tickets(parseBoth(html))[0].id).toBe(4242);
  });

  it('skips unreadable rows but keeps the others', () => {
    const html = renderListHtml([
      { id: 1, title: 'a' },
      { id: 2, title: 'b' },
    ]).replace(/<tr onclick="[^"]*'\/2'[^"]*">/, '<tr>').replace('<td>2</td>', '<td>two</td>');
    const result = parseBoth(html);
    expect(result).toMatchObject({ status: 'list', skippedRows: 1 });
    expect(tickets(result).map((t) => t.id)).toEqual([1]);
  });

  it('ignores script text and nested markup inside cells', () => {
    const html = renderListHtml([{ id: 3, title: 'Title <b>bold</b> end' }]);
    expect(tickets(parseBoth(html))[0].title).toBe('Title bold end');
  });

  it('numeric references left after htmlentities (double encoded) are decoded once more', () => {
    const html = renderListHtml([{ id: 9, title: 't', nextAction: 'Wait&#58; user' }]);
    // The fixture escapes & → &amp; like the server: raw HTML has "Wait&amp;#58; user"
    expect(html).toContain('Wait&amp;#58; user');
    expect(tickets(parseBoth(html))[0].nextAction).toBe('Wait: user');
  });

  it('works under a /goc base', () => {
    const html = renderListHtml([{ id: 11, title: 'x' }], { base: '/goc' }).replace('<td>11</td>', '<td></td>');
    expect(tickets(parseBoth(html))[0].id).toBe(11);
  });
});

describe('never a false zero', () => {
  it('the CILogon page is a login page', () => {
    expect(parseBoth(LOGIN_PAGE_HTML).status).toBe('login');
  });

  it("the app's own login form is a login page", () => {
    expect(parseBoth(APP_LOGIN_PAGE_HTML).status).toBe('login');
  });

  it('an error page is unrecognised', () => {
    expect(parseBoth(ERROR_PAGE_HTML)).toMatchObject({ status: 'unrecognised' });
  });

  it('a renamed table is unrecognised (the page changed)', () => {
    expect(parseBoth(renderListHtml(SAMPLE, { tableId: 'ticket-list' })).status).toBe('unrecognised');
  });

  it('renamed required headers are unrecognised, naming the missing column', () => {
    const result = parseBoth(renderListHtml(SAMPLE, { headerOverride: { Assignees: 'Owner' } }));
    expect(result.status).toBe('unrecognised');
    if (result.status === 'unrecognised') expect(result.reason).toContain('assignees');
  });

  it('rows with a different cell count everywhere are unrecognised, not zero', () => {
    const html = renderListHtml(SAMPLE).replace(/ {2}<td>(?:(?!<\/td>).)*<\/td>\n<\/tr>/g, '</tr>');
    expect(html).not.toBe(renderListHtml(SAMPLE));
    expect(parseBoth(html).status).toBe('unrecognised');
  });

  it('garbage and empty input are unrecognised', () => {
    expect(parseListHtml('').status).toBe('unrecognised');
    expect(parseListHtml('\u0000\u0001<<<>>>&&&').status).toBe('unrecognised');
    expect(parseListHtml(undefined as unknown as string).status).toBe('unrecognised');
  });

  it('the live-page mode accepts tables with columns hidden', () => {
    const html = renderListHtml(SAMPLE).replace(/<th>Assignees[\s\S]*?<\/th>/, '');
    expect(parseListHtml(html).status).toBe('unrecognised');
    // cells still 19 vs 18 headers → lenient mode needs matching cells; drop the 10th cell too
    const live = html.replace(/(<tr onclick[^>]*>\n(?: {2}<td>[\s\S]*?<\/td>\n){9}) {2}<td>[\s\S]*?<\/td>\n/g, '$1');
    const result = parseListHtml(live, { required: [] });
    expect(result.status).toBe('list');
    if (result.status === 'list') {
      expect(result.tickets[0].assignees).toBeNull();
      expect(result.tickets[0].ccs).toEqual(['a@b.edu', 'c@d.edu']);
    }
  });
});

describe('properties', () => {
  it('the string parser never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = parseListHtml(s);
        expect(['list', 'login', 'unrecognised']).toContain(r.status);
      }),
      { numRuns: 500 },
    );
  });

  it('the string parser never throws on mangled list pages', () => {
    const page = renderListHtml(SAMPLE);
    fc.assert(
      fc.property(fc.nat(page.length), fc.nat(page.length), fc.string({ maxLength: 20 }), (a, b, insert) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const mangled = page.slice(0, from) + insert + page.slice(to);
        const r = parseListHtml(mangled);
        expect(['list', 'login', 'unrecognised']).toContain(r.status);
        if (r.status === 'list') for (const t of r.tickets) expect(Number.isSafeInteger(t.id)).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('text added after the table keeps every row (the loop above passes when no row is read)', () => {
    const page = renderListHtml(SAMPLE);
    const tableEnd = page.lastIndexOf('</table>') + '</table>'.length;
    expect(tableEnd).toBeGreaterThan('</table>'.length);
    fc.assert(
      fc.property(fc.nat(page.length - tableEnd), fc.string({ maxLength: 40 }).map((s) => s.replace(/</g, ' ')), (at, insert) => {
        const where = tableEnd + at;
        const r = parseListHtml(page.slice(0, where) + insert + page.slice(where));
        expect(r.status).toBe('list');
        if (r.status === 'list') expect(r.tickets.map((t) => t.id)).toEqual(SAMPLE.map((t) => t.id));
      }),
      { numRuns: 200 },
    );
  });

  const textArb = fc.string({ maxLength: 30 }).map((s) => s.replace(/[<>&]/g, ''));
  const ticketArb = fc.record({
    id: fc.integer({ min: 1, max: 999999 }),
    title: fc.oneof(textArb, fc.constantFrom('A&#58;B', 'x&#60;y&#62;', 'Tom &amp; Jerry', 'bare & amp')),
    nextAction: fc.oneof(textArb, fc.constant('SOFTWARE TRIAGE')),
    assignees: fc.array(fc.oneof(textArb, fc.constant('Software Support (Triage)')), { maxLength: 4 }),
    nad: fc.option(fc.constantFrom('2018-01-01', '2030-12-31'), { nil: null }),
    nadRed: fc.boolean(),
  });

  it('both parsers agree on generated lists and recover every id', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ticketArb, { selector: (t) => t.id, maxLength: 8 }), fc.boolean(), (list, guest) => {
        const html = renderListHtml(list, { guest });
        const result = parseBoth(html);
        expect(result.status).toBe('list');
        if (result.status === 'list') expect(result.tickets.map((t) => t.id)).toEqual(list.map((t) => t.id));
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('bounded reads of hostile pages (issue 10, finding 1)', () => {
  it('a cell is read up to CELL_TEXT_MAX characters; the rows around it are read whole', () => {
    const huge = 'ab '.repeat(200_000); // 600 KB in one title cell
    const html = renderListHtml([
      { id: 1, title: huge },
      { id: 2, title: 'Short title', assignees: ['Jane Smith'] },
    ]);
    const [first, second] = tickets(parseBoth(html));
    expect(first.id).toBe(1);
    expect(first.title.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(first.title.startsWith('ab ab ab')).toBe(true);
    expect(second).toMatchObject({ id: 2, title: 'Short title', assignees: ['Jane Smith'] });
  });

  it('a very long tag-free stretch is cut in the middle, and the markup after it still reads', () => {
    const html = renderListHtml([
      { id: 1, title: `${'&lt;'.repeat(100_000)}` },
      { id: 2, title: 'after' },
    ]);
    const result = tickets(parseListHtml(html));
    expect(result.map((t) => t.id)).toEqual([1, 2]);
    // Read up to the cap (where the cut falls inside a reference, its start stays as typed).
    expect(result[0].title.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(/^<{16000,}&?$/.test(result[0].title)).toBe(true);
    expect(result[1].title).toBe('after');
  });

  it('a tag running on for more than 2 × MAX_RUN characters is shortened, not parsed whole', () => {
    const html = renderListHtml([{ id: 1, title: 'x' }, { id: 2, title: 'y' }]).replace('<td>x</td>', `<td>x<b ${'a '.repeat(MAX_RUN * 2)}>z</b></td>`);
    expect(tickets(parseListHtml(html)).map((t) => [t.id, t.title])).toEqual([[1, 'xz'], [2, 'y']]);
  });

  it(`a page nesting more than ${MAX_OPEN} elements, or a cell holding more than ${MAX_CELL_ELEMENTS}, is unrecognised`, () => {
    const deep = renderListHtml([{ id: 1, title: 'x' }]).replace('<body>', `<body>${'<div>'.repeat(MAX_OPEN + 1)}`);
    expect(parseListHtml(deep)).toMatchObject({ status: 'unrecognised', reason: expect.stringContaining(`more than ${MAX_OPEN} deep`) });
    const crowded = renderListHtml([{ id: 1, title: 'x' }]).replace('<td>x</td>', `<td>${'<b>x</b>'.repeat(MAX_CELL_ELEMENTS + 1)}</td>`);
    expect(parseListHtml(crowded)).toMatchObject({ status: 'unrecognised', reason: expect.stringContaining('cell holds more than') });
    // Just under both bounds: still the list.
    const fine = renderListHtml([{ id: 1, title: 'x' }]).replace('<td>x</td>', `<td>${'<b>x</b>'.repeat(MAX_CELL_ELEMENTS)}</td>`);
    expect(tickets(parseListHtml(fine))[0].title).toBe('x'.repeat(MAX_CELL_ELEMENTS));
  });
});
