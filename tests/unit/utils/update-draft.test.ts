import {
  asUpdateDrafts,
  DRAFT_MAX_AGE_MS,
  DRAFT_MAX_CHARS,
  DRAFT_MAX_COUNT,
  matchKey,
  planDrafts,
  pruneDrafts,
  restorePlan,
  wasSent,
  type UpdateDraft,
  type UpdateDrafts,
} from '../../../utils/update-draft';

const NOW = Date.UTC(2026, 11, 1, 16);
const draft = (over: Partial<UpdateDraft> = {}): UpdateDraft => ({ ticket: 101, text: 'Please try the new RPM.', savedAt: NOW - 1000, since: 1_700_000_000, ...over });

describe('update drafts: reading what is stored', () => {
  it('keeps well-formed entries and drops malformed ones', () => {
    expect(
      asUpdateDrafts({
        a: draft(),
        b: { ticket: 'x', text: 't', savedAt: 1 },
        c: { ticket: 5, text: 7, savedAt: 1 },
        d: null,
        e: { ticket: 6, text: 't', savedAt: 1 },
      }),
    ).toEqual({ a: draft(), e: { ticket: 6, text: 't', savedAt: 1, since: 0 } });
    expect(asUpdateDrafts('nope')).toBeUndefined();
    expect(asUpdateDrafts([draft()])).toBeUndefined();
  });
});

describe('update drafts: expiry and caps', () => {
  it('drops drafts older than 30 days', () => {
    const kept = pruneDrafts({ old: draft({ savedAt: NOW - DRAFT_MAX_AGE_MS - 1 }), fresh: draft({ savedAt: NOW - DRAFT_MAX_AGE_MS + 1 }) }, NOW);
    expect(Object.keys(kept)).toEqual(['fresh']);
  });

  it(`keeps the newest ${DRAFT_MAX_COUNT}`, () => {
    const many: UpdateDrafts = {};
    for (let i = 0; i < DRAFT_MAX_COUNT + 5; i++) many[`k${i}`] = draft({ ticket: i + 1, savedAt: NOW - i * 1000 });
    const kept = pruneDrafts(many, NOW);
    expect(Object.keys(kept)).toHaveLength(DRAFT_MAX_COUNT);
    expect(kept.k0).toBeDefined();
    expect(kept[`k${DRAFT_MAX_COUNT}`]).toBeUndefined();
  });

  it('drops the oldest past the size cap, but always keeps the newest, however long', () => {
    const big = 'x'.repeat(DRAFT_MAX_CHARS);
    const kept = pruneDrafts({ newest: draft({ text: big + 'y' }), older: draft({ savedAt: NOW - 5000, text: 'short' }) }, NOW);
    expect(Object.keys(kept)).toEqual(['newest']);
    const both = pruneDrafts({ newest: draft({ text: 'a' }), older: draft({ savedAt: NOW - 5000, text: 'b' }) }, NOW);
    expect(Object.keys(both).sort()).toEqual(['newest', 'older']);
  });
});

describe('update drafts: did the page save it?', () => {
  it('compares without whitespace (the site trims every line)', () => {
    expect(matchKey('  a b\n\tc  \n')).toBe('abc');
  });

  it('a newer update holding the text (with a signature or trailer added) means it was saved', () => {
    const d = draft({ text: 'Hello,\n    indented line\nBye' });
    expect(wasSent(d, [{ time: d.since + 60, text: 'Hello,\nindented line\nBye\n\nby alain.roy@wisc.example.edu' }])).toBe(true);
  });

  it('the same text in an update from before the draft started does not count', () => {
    const d = draft({ text: 'Thanks' });
    expect(wasSent(d, [{ time: d.since, text: 'Thanks' }, { time: d.since - 10, text: 'Thanks' }])).toBe(false);
  });

  it('a newer update with other text does not count', () => {
    expect(wasSent(draft(), [{ time: draft().since + 5, text: 'Something else entirely' }])).toBe(false);
  });

  it('a long body split by Show More still matches', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const d = draft({ text: lines.join('\n') });
    const page = `${lines.slice(0, 35).join('\n')}\n${lines.slice(35).join('\n')}`;
    expect(wasSent(d, [{ time: d.since + 1, text: page }])).toBe(true);
  });
});

describe('update drafts: what a page load offers', () => {
  const since = 1_700_000_000;
  const drafts: UpdateDrafts = {
    'sent': draft({ text: 'The fix is in 3.6.1', savedAt: NOW - 3000 }),
    'unsent-old': draft({ text: 'Older words', savedAt: NOW - 9000 }),
    'unsent-new': draft({ text: 'Newer words', savedAt: NOW - 2000 }),
    'other-ticket': draft({ ticket: 202, text: 'Elsewhere' }),
  };
  const updates = [{ time: since + 100, text: 'The fix is in 3.6.1\n\n-- Alain' }];

  it('offers this ticket’s unsent drafts, newest first, and drops the sent one', () => {
    expect(planDrafts(drafts, 101, updates, '')).toEqual({ offer: ['unsent-new', 'unsent-old'], drop: ['sent'], inBox: null });
  });

  it('a draft the box already holds is not offered (the browser restored the text)', () => {
    const plan = planDrafts(drafts, 101, updates, 'Newer words and more');
    expect(plan.offer).toEqual(['unsent-old']);
    expect(plan.drop.sort()).toEqual(['sent', 'unsent-new']);
    expect(plan.inBox).toBe(drafts['unsent-new']);
  });

  it('other text in the box does not hide a draft', () => {
    expect(planDrafts(drafts, 101, [], 'Something I typed now').offer).toEqual(['unsent-new', 'sent', 'unsent-old']);
  });
});

describe('update drafts: Restore never overwrites', () => {
  it('fills an empty or blank box', () => {
    expect(restorePlan('', 'Draft')).toEqual({ start: 0, end: 0, text: 'Draft' });
    expect(restorePlan('  \n', 'Draft')).toEqual({ start: 0, end: 3, text: 'Draft' });
  });

  it('adds below text already in the box, after a blank line', () => {
    expect(restorePlan('Typed now', 'Draft')).toEqual({ start: 9, end: 9, text: '\n\nDraft' });
    expect(restorePlan('Typed now\n', 'Draft')).toEqual({ start: 10, end: 10, text: '\nDraft' });
    expect(restorePlan('Typed now\n\n', 'Draft')).toEqual({ start: 11, end: 11, text: 'Draft' });
  });
});

describe('update drafts: linear on hostile text', () => {
  it('compares 1 MB of whitespace and text quickly', () => {
    const hostile = ' \t'.repeat(250_000) + 'x'.repeat(500_000);
    const t0 = performance.now();
    wasSent(draft({ text: hostile }), [{ time: Number.MAX_SAFE_INTEGER, text: hostile }]);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
