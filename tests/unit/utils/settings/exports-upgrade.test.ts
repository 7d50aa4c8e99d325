/**
 * Settings survive upgrades (issue 10 "Nothing lost"): a file exported by every earlier version of
 * the settings format (tests/fixtures/settings-exports, each written by that commit's own code)
 * still imports today, with its values, and a file from a NEWER version says so instead of
 * silently dropping what it does not know.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_DOC_LINKS,
  DEFAULT_TRIAGE_NEXT_ACTIONS,
  SETTINGS_VERSION,
  chosenSettings,
  defaultSettings,
  exportConfig,
  planImport,
  repairSettings,
  type ImportPlan,
} from '../../../../utils/settings';

const DIR = join(__dirname, '../../../fixtures/settings-exports');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const json = (name: string) => JSON.parse(text(name)) as Record<string, any>;

function importNew(name: string): ImportPlan {
  const r = planImport(defaultSettings(), text(name));
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r;
}

const OLD = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.startsWith('v2-'));

describe('every earlier export imports today', () => {
  it('there is a file for each shape the format had', () => {
    expect(OLD).toEqual([
      'unversioned-hand-written.json',
      'v1-2026-11-25-542eb80-team-file.json',
      'v1-2026-11-25-84ab70a-personal-backup.json',
      'v1-2026-11-25-c82f466-first-release.json',
      'v1-2026-12-01-8cbd1c6-triage-presets.json',
    ]);
  });

  it.each(OLD)('%s: every value it carried comes out, except addresses refused with a message', (name) => {
    const file = json(name);
    const plan = importNew(name);
    const s = chosenSettings(plan, true) as Record<string, any>;
    expect(s.version).toBe(SETTINGS_VERSION);
    const refusedPaths = plan.refused.map((line) => line.split(' ')[0]!);
    // Each key of the file: the same value today, or named in a refusal.
    for (const [section, value] of Object.entries(file)) {
      if (section === 'version') continue;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, v] of Object.entries(value)) {
          const where = `${section}.${key}`;
          if (refusedPaths.includes(where)) continue;
          if (where === 'triage.docLinks') {
            const kept = (v as { url: string }[]).filter((l) => l.url.startsWith('https:'));
            expect(s.triage.docLinks, where).toEqual(kept);
            continue;
          }
          expect(s[section][key], where).toEqual(v);
        }
      } else {
        expect(s[section], section).toEqual(value);
      }
    }
    // Identity is never taken without asking.
    expect(plan.keepIdentity.identity).toEqual(defaultSettings().identity);
  });

  it('the first release: its http: JIRA address is refused by name, the rest imports; keys it never had take today\'s defaults', () => {
    const plan = importNew('v1-2026-11-25-c82f466-first-release.json');
    expect(plan.refused).toEqual([
      'jira.baseUrl "http://jira.opensciencegrid.org" was not imported: only https: addresses are accepted (this one is http:); yours is kept',
    ]);
    const s = plan.keepIdentity;
    expect(s.jira).toEqual({ baseUrl: '', projectKey: 'SOFTWARE', projectId: '' });
    expect(s.team.map((m) => m.name)).toEqual(['Mat Selmeci', 'Brian Lin', 'Tim Theisen', 'Rob Quick']);
    expect(s.rotation.overrides).toEqual([{ week: '2026-12-28', person: 'Brian Lin' }, { week: '2027-01-04', person: '' }]);
    expect(s.triage).toEqual({ nextActions: DEFAULT_TRIAGE_NEXT_ACTIONS, docLinks: DEFAULT_DOC_LINKS });
    expect(s.features).toEqual({ unsignedGuard: true, keepSoftwareGuard: true, triagePanel: true, closeChecklist: true });
    expect(plan.takeIdentity?.identity.name).toBe('Mat Selmeci');
  });

  it('the shared team file (no identity) offers no identity; the backup with jira.projectId keeps it', () => {
    expect(importNew('v1-2026-11-25-542eb80-team-file.json').takeIdentity).toBeNull();
    expect(importNew('v1-2026-11-25-84ab70a-personal-backup.json').keepIdentity.jira.projectId).toBe('10400');
  });

  it('the triage-presets export keeps its presets, the http: doc link is left out with a message', () => {
    const plan = importNew('v1-2026-12-01-8cbd1c6-triage-presets.json');
    expect(plan.refused).toEqual([expect.stringMatching(/^triage\.docLinks\[1\] "http:\/\/twiki\.opensciencegrid\.org.*was left out: only https:/)]);
    expect(plan.keepIdentity.triage.docLinks).toEqual([{ name: 'OSG documentation', url: 'https://osg-htc.org/docs/' }]);
    expect(plan.keepIdentity.features.keepSoftwareGuard).toBe(false);
    expect(plan.keepIdentity.experts[0]!.team).toBe('Glidein Factory Ops');
    expect(plan.keepIdentity.team.map((m) => m.footprintsId)).toEqual(['matyas', 'blin']);
  });

  it('the hand-written unversioned file is version 1; its http: rotation source is refused by name', () => {
    const plan = importNew('unversioned-hand-written.json');
    expect(plan.refused).toEqual([expect.stringMatching(/^rotation\.source "http:.*only https:.*yours is kept$/)]);
    expect(plan.keepIdentity.queue.staleDays).toBe(10);
    expect(plan.keepIdentity.queue.checkMinutes).toBe(10);
  });

  it.each(OLD)('%s, when it is what is stored (an upgrade in place), loads with every good part kept', (name) => {
    const { identity: _identity, ...stored } = json(name);
    const { settings, problems } = repairSettings(stored);
    const plan = importNew(name);
    // The same as importing it, except refused addresses go back to their defaults, and say so.
    expect(exportConfig(settings, { includeIdentity: false })).toBe(exportConfig(plan.keepIdentity, { includeIdentity: false }));
    expect(problems.length).toBe(plan.refused.length);
    for (const p of problems) expect(p).toMatch(/only https:/);
  });

  it.each(OLD)('%s: once imported, exporting and importing again changes nothing', (name) => {
    const s = chosenSettings(importNew(name), true);
    const again = planImport(s, exportConfig(s, { includeIdentity: true }));
    expect(again.ok && again.changes).toEqual([]);
    expect(again.ok && again.takeIdentity).toBeNull();
  });
});

describe('a file from a newer version', () => {
  it('imports with a clear message and keeps (and lists) every key it does not know', () => {
    const plan = importNew('v2-from-a-newer-extension.json');
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^this file was written by a newer version of the extension \(format 2; this one reads up to 1\)/),
    ]);
    const s = plan.keepIdentity as Record<string, any>;
    expect(s.escalation).toEqual({ afterWorkingDays: 3, notify: ['Brian Lin'] });
    expect(s.queue.quietHours).toEqual({ from: '22:00', to: '06:00' });
    expect(s.team[0].timeZone).toBe('America/Chicago');
    expect(s.features.draftRecovery).toBe(true);
    expect(plan.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['escalation', 'queue.quietHours', 'features.draftRecovery', 'team']),
    );
    // And they survive the next export.
    expect(JSON.parse(exportConfig(plan.keepIdentity)).escalation).toEqual({ afterWorkingDays: 3, notify: ['Brian Lin'] });
  });

  it('a known key whose type changed is refused with the version named, not dropped', () => {
    const r = planImport(defaultSettings(), text('v2-changed-field.json'));
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^this file was written by a newer version of the extension \(format 2; this one reads up to 1\): update the extension to import it\. queue\.staleDays: /,
      ),
    });
  });
});
