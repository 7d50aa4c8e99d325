/** utils/whats-new.ts: version comparison and which lines an update shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, WHATS_NEW, whatsNewSince, WHATS_NEW_MAX_LINES, type WhatsNewEntry } from '../../../utils/whats-new';

const TABLE: WhatsNewEntry[] = [
  { version: '0.3.0', line: 'three' },
  { version: '0.2.1', line: 'two-one' },
  { version: '0.2.0', line: 'two' },
];

describe('parseVersion', () => {
  it('reads one to four dot-separated integers', () => {
    expect(parseVersion('1')).toEqual([1]);
    expect(parseVersion('0.10.3')).toEqual([0, 10, 3]);
    expect(parseVersion('1.2.3.4')).toEqual([1, 2, 3, 4]);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '1.2.3.4.5', '1..2', '1.2-beta', 'v1.2', ' 1.2', '1.2.', '-1']) expect(parseVersion(bad)).toBeNull();
  });
});

describe('compareVersions', () => {
  it('compares part by part as numbers, not as text', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('0.9.9', '0.10.0')).toBe(-1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('1.2.0.1', '1.2')).toBe(1);
    expect(compareVersions('2', '10')).toBe(-1);
  });
  it('is null when either side is not a version', () => {
    expect(compareVersions('1.0', 'latest')).toBeNull();
    expect(compareVersions('x', '1.0')).toBeNull();
  });
});

describe('whatsNewSince', () => {
  it('an update shows the entries newer than the previous version, newest first', () => {
    expect(whatsNewSince('0.1.5', '0.3.0', TABLE)).toEqual({ version: '0.3.0', lines: ['three', 'two-one', 'two'] });
    expect(whatsNewSince('0.2.0', '0.2.1', TABLE)).toEqual({ version: '0.2.1', lines: ['two-one'] });
  });
  it('does not show entries newer than the version updated to', () => {
    expect(whatsNewSince('0.1.0', '0.2.0', TABLE)).toEqual({ version: '0.2.0', lines: ['two'] });
  });
  it('says nothing for a release without an entry, a reload, a downgrade or an unreadable version', () => {
    expect(whatsNewSince('0.3.0', '0.3.1', TABLE)).toBeNull();
    expect(whatsNewSince('0.3.0', '0.3.0', TABLE)).toBeNull();
    expect(whatsNewSince('0.3.0', '0.2.0', TABLE)).toBeNull();
    expect(whatsNewSince(undefined, '0.3.0', TABLE)).toBeNull();
    expect(whatsNewSince('dev', '0.3.0', TABLE)).toBeNull();
  });
  it('keeps a long jump short', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ version: `1.${i}`, line: `l${i}` }));
    expect(whatsNewSince('0.9', '2.0', many)!.lines).toEqual(['l5', 'l4', 'l3'].slice(0, WHATS_NEW_MAX_LINES));
  });
});

describe('the table', () => {
  const current = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  it('has a readable version per entry, newest first, none newer than this release', () => {
    for (const e of WHATS_NEW) expect(parseVersion(e.version), e.version).not.toBeNull();
    for (let i = 1; i < WHATS_NEW.length; i++) expect(compareVersions(WHATS_NEW[i - 1]!.version, WHATS_NEW[i]!.version)).toBe(1);
    expect(compareVersions(WHATS_NEW[0]!.version, current)).toBeLessThanOrEqual(0);
  });
  it("this release's line names its user-visible changes", () => {
    const line = WHATS_NEW.find((e) => compareVersions(e.version, current) === 0)?.line ?? '';
    for (const words of [/triage panel/, /keeps Software/, /checklist before closing/, /hand-over/]) expect(line).toMatch(words);
    expect(line.length).toBeLessThan(300);
  });
});
