// @vitest-environment happy-dom
/**
 * The responder parser against the simulator's seed: every description, rendered the way the
 * simulator (and the real site) prints it, read back through the page parser, must give the
 * ground truth author, role and source (tests/goc-sim README "Ground truth").
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { generateSeed } from '../../../goc-sim/seed.mjs';
// @ts-expect-error plain ESM module without types
import { renderBodyHtml, splitMeta, maskEmail, decodeEntities } from '../../../goc-sim/fp.mjs';
import { bodyTextOf } from '../../../../utils/goc/ticket';
import { cleanText } from '../../../../utils/footprints';
import { buildResponderIndex, identifyResponder, isUnsignedUpdate } from '../../../../utils/responders';
import { seedRoster } from './seed-roster';

interface SeedDescription {
  uid: number;
  time: number;
  stamp: string;
  body: string;
  truth: {
    author: string;
    role: string;
    expectedSource: string;
    signed: boolean;
    kind: string;
    expected: { responder: string; role: string };
  };
}
interface SeedTicket {
  id: number;
  title: string;
  submitter: { name: string; email: string };
  metadata: Record<string, string>;
  tags: string[];
  descriptions: SeedDescription[];
}

const NOW = Date.parse('2026-03-04T15:00:00Z');
const { tickets } = generateSeed({ seed: 1, now: NOW }) as { tickets: SeedTicket[] };
const roster = seedRoster();

/** What the page shows for one description: header author (unless the stamp is `goc`) and body text. */
function asOnPage(d: SeedDescription, guest: boolean) {
  const { text } = splitMeta(d.body);
  const pre = document.createElement('pre');
  // The simulator's own rendering (FP encoding, trimmed lines, Show More), parsed by the DOM.
  pre.innerHTML = renderBodyHtml(text, { guest, uid: d.uid });
  const stamp = d.stamp === 'goc' ? null : guest && d.stamp.includes('@') ? maskEmail(d.stamp) : d.stamp;
  const header = document.createElement('div');
  if (stamp !== null) {
    header.append(' by ');
    const b = document.createElement('b');
    b.innerHTML = stamp.replace(/</g, '&#60;').replace(/>/g, '&#62;');
    header.append(b);
  }
  return { byHeader: stamp === null ? null : cleanText(header.querySelector('b')!.textContent ?? ''), bodyText: bodyTextOf(pre) };
}

/** The submitter fields as the page shows them (text decoded by the browser; guests see no e-mail). */
function submitterOnPage(t: SeedTicket, guest: boolean) {
  return {
    name: decodeEntities(t.submitter.name),
    email: guest ? '' : decodeEntities(t.submitter.email),
    submitterName: decodeEntities(t.metadata.SUBMITTER_NAME ?? ''),
  };
}

/**
 * The seed's truth role, except where the page cannot tell what the seed knows:
 * - an author whose name reads exactly like the submitter's once the browser decoded it (the seed
 *   compares raw strings, `&#60;script&#62;` vs `<script>`) is the submitter as far as anyone can see;
 * - issue 3 is explicit that a name nobody knows, signed over an OSG role line, is OSG staff.
 */
function expectedRole(t: SeedTicket, d: SeedDescription): string {
  if (d.truth.expected.role !== 'unknown') return d.truth.expected.role;
  if (decodeEntities(d.truth.expected.responder) === decodeEntities(t.submitter.name)) return 'submitter';
  const signedWithRoleLine = d.truth.expectedSource === 'signature' && /\n-{4,}\n.*\nOSG Software Support\n/.test(d.body);
  return signedWithRoleLine ? 'osg-staff' : 'unknown';
}

// The corpus tickets (tests/goc-sim/corpus.mjs) have their own test, corpus.test.ts.
const all = tickets.filter((t) => !t.tags.includes('responder-corpus')).flatMap((t) => t.descriptions.map((d, i) => ({ t, d, opening: i === 0 })));

describe('responder parser on the simulator seed (signed-in view)', () => {
  it('covers at least 40 seed bodies of every source kind', () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    const sources = new Set(all.map((x) => x.d.truth.expectedSource));
    expect([...sources].sort()).toEqual(['header', 'none', 'roster', 'signature', 'trailer']);
  });

  const cases = all.map(({ t, d, opening }) => [`#${t.id} u${d.uid} ${d.truth.kind}`, t, d, opening] as const);
  it.each(cases)('%s', (_name, t, d, opening) => {
    const index = buildResponderIndex({
      roster,
      submitter: submitterOnPage(t, false),
    });
    const r = identifyResponder(asOnPage(d, false), index);
    expect({ name: r.name, role: r.role, source: r.source }).toEqual({
      name: d.truth.expected.responder,
      role: expectedRole(t, d),
      source: d.truth.expectedSource,
    });
    expect(isUnsignedUpdate(r, opening)).toBe(d.truth.kind === 'goc-unsigned');
  });
});

describe('responder parser on the simulator seed (guest view: masked e-mails, no submitter e-mail)', () => {
  it('names the same people, from masked e-mails too', () => {
    let checked = 0;
    for (const { t, d } of all) {
      if (t.tags.includes('xss')) continue;
      const index = buildResponderIndex({
        roster,
        submitter: submitterOnPage(t, true),
      });
      const r = identifyResponder(asOnPage(d, true), index);
      expect({ uid: d.uid, name: r.name, role: r.role }).toEqual({ uid: d.uid, name: d.truth.expected.responder, role: expectedRole(t, d) });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
