// @vitest-environment node
/** tests/fixtures/team-config.json: a valid settings file that matches the simulator's people and tickets. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../utils/settings';
import {
  generateSeed, SOFTWARE_TEAM, GOC_STAFF, GLIDEIN_TEAM, SOFTWARE_PSEUDO_ID, PERSONAS, rotationJson,
} from '../../goc-sim/server.mjs';

const raw = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/team-config.json'), 'utf8'));

describe('team-config fixture', () => {
  const parsed = parseSettings(raw);

  it('parses with the settings schema', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.settings.identity).toMatchObject({ name: 'Alain Roy', footprintsId: 'aroy', email: PERSONAS.get('aroy')!.email });
    expect(parsed.settings.jira.baseUrl).toBe('https://jira.opensciencegrid.org');
    expect(parsed.settings.rotation.source).toBe('');
    expect(parsed.settings.queue.softwareAssignees).toContain(SOFTWARE_PSEUDO_ID);
    expect(parsed.settings.queue.softwareAssignees).toContain(PERSONAS.get(SOFTWARE_PSEUDO_ID)!.name);
  });

  it('lists the simulator personas with the same names, e-mails, aliases and roles', () => {
    const people = [...SOFTWARE_TEAM, ...GOC_STAFF];
    expect(raw.team).toHaveLength(people.length);
    for (const p of people) {
      const m = raw.team.find((x: { name: string }) => x.name === p.name);
      expect(m, p.name).toBeDefined();
      expect(m.role).toBe(p.role);
      expect(m.emails).toContain(p.email);
      expect(m.aliases).toEqual(p.aliases);
    }
  });

  it('has experts whose keywords occur in seed tickets and who are team members (or, with a team label, glidein people)', () => {
    const seed = generateSeed({ seed: 1, now: Date.parse('2026-03-04T15:00:00Z') });
    const text = seed.tickets.map((t) => `${t.title}\n${t.descriptions.map((d) => d.body).join('\n')}`).join('\n').toLowerCase();
    const names = new Set(raw.team.map((m: { name: string }) => m.name));
    expect(raw.experts.length).toBeGreaterThanOrEqual(8);
    for (const e of raw.experts) {
      expect(e.keywords.some((k: string) => text.includes(k.toLowerCase())), e.topic).toBe(true);
      // Experts from another team carry its label; they are FP agents of that team, not our roster.
      const glidein = new Set(GLIDEIN_TEAM.map((p) => p.name));
      for (const p of e.people) expect(e.team ? glidein.has(p) && !names.has(p) : names.has(p), `${e.topic}: ${p}`).toBe(true);
    }
  });

  it('has a glidein expert topic (team label kept by the parser) whose people are in the glidein fblist team', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const topic = parsed.settings.experts.find((e) => e.team === 'Glidein Factory Ops');
    expect(topic).toBeDefined();
    expect(topic!.keywords).toEqual(expect.arrayContaining(['glidein', 'frontend']));
    expect(topic!.people).toHaveLength(2);
    for (const name of topic!.people) expect(GLIDEIN_TEAM.some((p) => p.name === name), name).toBe(true);
  });

  it('names the rotation people the same way the rotation sources do', () => {
    const rotationPeople = new Set(JSON.parse(rotationJson(Date.parse('2026-03-04T15:00:00Z'))).map((r: { person: string }) => r.person));
    const software = raw.team.filter((m: { role: string }) => m.role === 'software').map((m: { name: string }) => m.name);
    expect([...rotationPeople].sort()).toEqual([...software].sort());
  });
});
