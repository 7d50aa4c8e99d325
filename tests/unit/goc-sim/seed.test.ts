// @vitest-environment node
/** The simulator's seed: deterministic, big enough, and covering every scenario the features need. */
import { describe, expect, it } from 'vitest';
import {
  generateSeed, makeBenchTicket, makeListFiller, classify, XSS_PAYLOADS, PERSONAS, SOFTWARE_PSEUDO_ID, TRIAGE_NEXT_ACTION,
} from '../../goc-sim/server.mjs';
// @ts-expect-error plain ESM without types
import { STALE_DAYS } from '../../goc-sim/seed.mjs';

const NOW = Date.parse('2026-03-04T15:27:00Z');
const DAY = 86_400_000;
const seed = generateSeed({ seed: 1, now: NOW });
const allUpdates = seed.tickets.flatMap((t) => t.descriptions.map((d) => ({ t, d })));

describe('seed', () => {
  it('is deterministic: same seed and now → identical data; another seed → different data', () => {
    expect(generateSeed({ seed: 1, now: NOW })).toEqual(seed);
    expect(JSON.stringify(generateSeed({ seed: 2, now: NOW }).tickets)).not.toBe(JSON.stringify(seed.tickets));
  });

  it('keeps dates relative to now (same ticket ages when the tests run later)', () => {
    const later = generateSeed({ seed: 1, now: NOW + 100 * DAY });
    expect(later.tickets.map((t) => t.id)).toEqual(seed.tickets.map((t) => t.id));
    expect(later.tickets.map((t) => t.updated - 100 * DAY)).toEqual(seed.tickets.map((t) => t.updated));
  });

  it('has at least 60 tickets and 400 updates, ids ascending with submission time', () => {
    expect(seed.tickets.length).toBeGreaterThanOrEqual(60);
    expect(allUpdates.length).toBeGreaterThanOrEqual(400);
    const ids = seed.tickets.map((t) => t.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries every scenario tag', () => {
    const tags = new Set(seed.tickets.flatMap((t) => t.tags));
    for (const tag of [
      'untriaged', 'stale', 'overdue', 'software', 'long-signature', 'trailer-dn', 'trailer-email', 'trailer-name',
      'trailer-guest', 'trailer-goctx', 'guest-submitted', 'email-reply', 'unsigned-staff', 'xss', 'security',
      'security-notification', 'goc-prefix', 'history-appended', 'meta', 'retired-type', 'signature-only', 'roster-only',
      'fblist-assignee', 'unknown-assignee', 'attachments', 'closed', 'triaged', 'jira', 'dashdash-sig', 'thanks-sig',
      'wrapped-quote', 'email-stamp',
    ]) {
      expect(tags, tag).toContain(tag);
    }
  });

  it('classification tags agree with the default rules', () => {
    for (const t of seed.tickets) {
      const c = classify(t, NOW);
      for (const k of ['software', 'untriaged', 'stale', 'overdue'] as const) expect(t.tags.includes(k), `${t.id} ${k}`).toBe(c[k]);
      if (c.untriaged) {
        expect(t.assignees).toContain(SOFTWARE_PSEUDO_ID);
        expect(t.nextAction.replace(/\s+/g, ' ').trim().toUpperCase()).toBe(TRIAGE_NEXT_ACTION);
      }
    }
    // Triaged tickets keep Software assigned and add a person.
    const triaged = seed.tickets.filter((t) => t.tags.includes('triaged') && classify(t, NOW).software && !classify(t, NOW).untriaged);
    expect(triaged.length).toBeGreaterThan(5);
    for (const t of triaged) expect(t.assignees.some((a) => PERSONAS.get(a)?.role === 'software')).toBe(true);
  });

  it('seeds tickets on the classification boundaries, with the flags the rules give them', () => {
    // NOW is 09:27 in Chicago (the default team zone), 15:27 UTC.
    const flagsOf = (tag: string) => {
      const t = seed.tickets.find((x) => x.tags.includes(tag));
      if (!t) throw new Error(`no ticket tagged ${tag}`);
      const { software, untriaged, stale, overdue } = classify(t, NOW);
      return { software, untriaged, stale, overdue, ageDays: (NOW - t.updated) / DAY, nadHours: (t.nad - NOW) / 3_600_000 };
    };
    const triaged = { software: true, untriaged: false };
    // Updated 7.5 days ago but only 7 calendar days back: not stale (an exact 7 × 24 h rule would say stale).
    expect(flagsOf('boundary-updated-7.5d')).toMatchObject({ ...triaged, stale: false, overdue: false });
    expect(flagsOf('boundary-updated-7.5d').ageDays).toBeCloseTo(7.5, 1);
    expect(flagsOf('boundary-updated-6.9d')).toMatchObject({ ...triaged, stale: false });
    expect(flagsOf('boundary-updated-exactly-stale-days')).toMatchObject({ ...triaged, stale: false });
    expect(flagsOf('boundary-updated-exactly-stale-days').ageDays).toBeCloseTo(STALE_DAYS, 3);
    expect(flagsOf('boundary-updated-8d')).toMatchObject({ ...triaged, stale: true });
    expect(flagsOf('boundary-updated-8d').ageDays).toBeLessThan(8);
    expect(flagsOf('boundary-nad-earlier-today')).toMatchObject({ ...triaged, stale: false, overdue: true, nadHours: -2 });
    expect(flagsOf('boundary-nad-utc-midnight')).toMatchObject({ ...triaged, overdue: true });
    expect(flagsOf('boundary-nad-later-today')).toMatchObject({ ...triaged, overdue: false, nadHours: 3 });
    expect(flagsOf('boundary-nad-tomorrow')).toMatchObject({ ...triaged, overdue: false });
    expect(flagsOf('boundary-untriaged-old')).toMatchObject({ software: true, untriaged: true, stale: false, overdue: true });
    expect(flagsOf('boundary-person-only')).toMatchObject({ software: false, untriaged: false, stale: false, overdue: false });
  });

  it('keeps no gap around the day boundary: software update ages between 6 and 8 days and NADs within a day of now exist', () => {
    const open = seed.tickets.filter((t) => classify(t, NOW).software);
    expect(open.filter((t) => (NOW - t.updated) / DAY > 6 && (NOW - t.updated) / DAY < 8).length).toBeGreaterThanOrEqual(4);
    expect(open.filter((t) => Math.abs(t.nad - NOW) < DAY).length).toBeGreaterThanOrEqual(3);
  });

  it('gives every update its ground truth', () => {
    const sources = new Set<string>();
    for (const { t, d } of allUpdates) {
      expect(['software', 'osg-staff', 'submitter', 'unknown']).toContain(d.truth.role);
      expect(['header', 'trailer', 'signature', 'roster', 'none']).toContain(d.truth.expectedSource);
      expect(typeof d.truth.signed).toBe('boolean');
      sources.add(d.truth.expectedSource);
      if (d.truth.expectedSource === 'header') expect(d.stamp, `${t.id}/${d.uid}`).not.toBe('goc');
      if (d.truth.expectedSource === 'none') expect(d.truth.expected.responder).toBe('');
      if (d.truth.role === 'software') expect(PERSONAS.get([...PERSONAS.keys()].find((k) => PERSONAS.get(k)!.name === d.truth.author)!)?.role).toBe('software');
    }
    expect([...sources].sort()).toEqual(['header', 'none', 'roster', 'signature', 'trailer']);
  });

  it('has staff updates signed with the dashed signature, "-- " and "Thanks," closings, and unsigned ones', () => {
    const staff = allUpdates.filter(({ d }) => d.truth.role === 'software' || d.truth.role === 'osg-staff');
    expect(staff.some(({ d }) => /\n-{36}\n.+\nOSG Software Support\nvdt-support@opensciencegrid\.org$/.test(d.body))).toBe(true);
    expect(staff.some(({ d }) => /\n-- \n.+\n/.test(d.body))).toBe(true);
    expect(staff.some(({ d }) => /\nThanks,\n[^\n]+$/.test(d.body))).toBe(true);
    expect(staff.some(({ d }) => !d.truth.signed && d.truth.expectedSource === 'none')).toBe(true);
    expect(staff.some(({ d }) => !d.truth.signed && d.truth.expectedSource === 'header')).toBe(true);
  });

  it('has goc-authored updates with each era trailer', () => {
    const goc = allUpdates.filter(({ d }) => d.stamp === 'goc' || d.stamp === 'OSG-GOC').map(({ d }) => d.body);
    expect(goc.some((b) => /\n-- by [^\n]+\n\[META Information\]/.test(b))).toBe(true);
    expect(goc.some((b) => /\n\nby \/DC=org\/DC=doegrids\/OU=People\/CN=[A-Za-z ]+ \d+$/.test(b))).toBe(true);
    expect(goc.some((b) => /\n\nby [\w.]+@[\w.]+\.[a-z]{2,4}$/.test(b))).toBe(true);
    expect(goc.some((b) => /\n\nby [^\n]+ \(guest\)/.test(b))).toBe(true);
    expect(goc.some((b) => /\n-- by [^\n]+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC\nGOCTX Source: https:\/\//.test(b))).toBe(true);
    // The `goc` stamp never gets a by-header.
    expect(allUpdates.filter(({ d }) => d.stamp === 'goc').every(({ d }) => d.truth.expectedSource !== 'header')).toBe(true);
  });

  it('has e-mail replies quoting the FootPrints message', () => {
    const replies = allUpdates.filter(({ d }) => d.truth.kind.startsWith('reply-email')).map(({ d }) => d.body);
    expect(replies.length).toBeGreaterThan(10);
    expect(replies.some((b) => b.includes('Open Science Grid FootPrints <osg@tick.globalnoc.iu.edu> wrote:'))).toBe(true);
    expect(replies.some((b) => b.includes('> [Duplicate message snipped]'))).toBe(true);
    expect(replies.some((b) => /\n> -{36}\n/.test(b))).toBe(true); // a quoted staff signature
  });

  it('has long updates whose signature is past line 35', () => {
    const long = allUpdates.filter(({ t, d }) => t.tags.includes('long-signature') && d.truth.kind === 'staff-long');
    expect(long.length).toBeGreaterThan(0);
    for (const { d } of long) {
      const lines = d.body.split('\n');
      expect(lines.length).toBeGreaterThan(35);
      expect(lines.findIndex((l) => /^-{36}$/.test(l) || l === '-- ')).toBeGreaterThan(35);
    }
  });

  it('appends same-minute history inside a description stamped at :00', () => {
    const t = seed.tickets.find((x) => x.tags.includes('history-appended'))!;
    const host = t.descriptions.find((d) => d.truth.historyAppended)!;
    expect(host.time % 60_000).toBe(0);
    expect(t.history.some((h) => h.time === host.time)).toBe(true);
  });

  it('spreads at least 30 distinct XSS payloads over titles, bodies, names, e-mails and authors', () => {
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(30);
    const xss = seed.tickets.filter((t) => t.tags.includes('xss'));
    const text = xss.map((t) => JSON.stringify(t)).join('\n');
    for (const p of XSS_PAYLOADS) expect(text.includes(JSON.stringify(p).slice(1, -1)), p).toBe(true);
    expect(xss.some((t) => /<script>|&#60;script/.test(t.title))).toBe(true);
    expect(xss.some((t) => /onerror|<svg|onmouseover/.test(t.submitter.name))).toBe(true);
    expect(xss.some((t) => /<|"/.test(t.submitter.email))).toBe(true);
    expect(xss.some((t) => t.descriptions.some((d) => d.stamp.includes('<')))).toBe(true);
  });

  it('builds a 300-update bench ticket and list filler rows', () => {
    const bench = makeBenchTicket({ updates: 300, now: NOW });
    expect(bench.descriptions).toHaveLength(300);
    expect(bench.descriptions.some((d) => d.body.split('\n').length > 35)).toBe(true);
    const rows = makeListFiller({ count: 5000, now: NOW });
    expect(rows).toHaveLength(5000);
    expect(rows.filter((t) => classify(t, NOW).untriaged).length).toBeGreaterThan(100);
  });
});
