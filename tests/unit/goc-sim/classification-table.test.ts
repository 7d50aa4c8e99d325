// @vitest-environment node
/**
 * The simulator's ground truth (tests/goc-sim/classify.mjs) against every row of
 * tests/spec/classification-cases.json, the table the extension's classifier is tested against
 * (tests/unit/utils/queue/classification-table.test.ts). A case's assignees are what GOC shows;
 * here they are FP ids with no separate display name, so each is matched as written.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without types
import { classifyTicket, QUEUE_RULES } from '../../goc-sim/classify.mjs';
// @ts-expect-error plain ESM without types
import { classify, generateSeed } from '../../goc-sim/seed.mjs';
import { CLASSIFICATION_CASES, TABLE_DEFAULTS } from '../../spec/classification-cases';

describe('classification table: the simulator ground truth', () => {
  it("the simulator's default rules are the table's defaults", () => {
    expect({ ...QUEUE_RULES, softwareAssignees: [...QUEUE_RULES.softwareAssignees] }).toEqual({
      ...TABLE_DEFAULTS.settings,
      timeZone: TABLE_DEFAULTS.zone,
    });
  });

  it.each(CLASSIFICATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ticket = { status: 'Engineering', assignees: c.assignees, nextAction: c.nextAction, updated: c.updated, nad: c.nad };
    const flags = classifyTicket(ticket, c.now, { rules: { ...c.settings, timeZone: c.zone }, nameOf: () => undefined });
    const { software, untriaged, stale, overdue } = flags;
    expect({ software, untriaged, stale, overdue }).toEqual(c.expected);
  });

  it('matches an FP id by the name GOC shows for it, and the pseudo-user by its id', () => {
    const base = { status: 'Engineering', nextAction: 'ENG Action', updated: Date.parse('2026-03-04T10:00:00Z'), nad: null };
    const now = Date.parse('2026-03-04T15:00:00Z');
    const shownAs = (name: string) => () => name;
    expect(classifyTicket({ ...base, assignees: ['swq'] }, now, { nameOf: shownAs('Software') }).software).toBe(true);
    expect(classifyTicket({ ...base, assignees: ['swq'] }, now, { nameOf: shownAs('Brian Lin') }).software).toBe(false);
    // The seed's own pseudo-user: id osg-software-support-stream, shown as "Software Support (Triage)".
    expect(classifyTicket({ ...base, assignees: ['osg-software-support-stream'] }, now).software).toBe(true);
    expect(classifyTicket({ ...base, assignees: ['blin'] }, now).software).toBe(false);
  });

  it('closed tickets carry no queue flags', () => {
    const now = Date.parse('2026-03-04T15:00:00Z');
    const t = { status: 'Resolved', assignees: ['osg-software-support-stream'], nextAction: 'SOFTWARE TRIAGE', updated: now - 30 * 86_400_000, nad: now - 86_400_000 };
    expect(classifyTicket(t, now)).toEqual({ open: false, software: false, untriaged: false, stale: false, overdue: false, nadPast: false });
  });

  it("the seed's classify() is this ground truth", () => {
    const now = Date.parse('2026-03-04T15:27:00Z');
    for (const t of generateSeed({ seed: 1, now }).tickets) expect(classify(t, now)).toEqual(classifyTicket(t, now));
  });
});
