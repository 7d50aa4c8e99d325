/**
 * The roster the simulator's ground truth assumes: tests/fixtures/team-config.json when present,
 * else the same people straight from the simulator's personas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error plain ESM module without types
import { SOFTWARE_TEAM, GOC_STAFF } from '../../../goc-sim/personas.mjs';
import type { RosterPerson } from '../../../../utils/responders';

export function seedRoster(): RosterPerson[] {
  const file = resolve(__dirname, '../../../fixtures/team-config.json');
  if (existsSync(file)) {
    const config = JSON.parse(readFileSync(file, 'utf8')) as { team?: RosterPerson[] };
    if (Array.isArray(config.team) && config.team.length > 0) return config.team;
  }
  return [...SOFTWARE_TEAM, ...GOC_STAFF].map(
    (p: { name: string; email: string; aliases?: string[]; role: 'software' | 'osg-staff' }) => ({
      name: p.name,
      emails: [p.email],
      aliases: p.aliases ?? [],
      role: p.role,
    }),
  );
}
