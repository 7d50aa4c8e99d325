/** goc.extraOrigins and the queue.gocBaseUrl rule across sections (issue 9), in parse, repair and import. */
import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, repairSettings, settingsSchema } from '../../../../utils/settings';
import { planImport } from '../../../../utils/settings/import-diff';

const ITB = 'https://ticket-itb.example.org';

function withGoc(extraOrigins: unknown[], gocBaseUrl?: string) {
  const s = defaultSettings() as Record<string, any>;
  return { ...s, goc: { extraOrigins }, queue: { ...s.queue, ...(gocBaseUrl ? { gocBaseUrl } : {}) } };
}

describe('goc.extraOrigins', () => {
  it('stores origins normalised', () => {
    const r = parseSettings(withGoc([' HTTPS://Ticket-ITB.example.org/ ', 'https://goc.example.org:8443']));
    expect(r.ok && r.settings.goc.extraOrigins).toEqual([ITB, 'https://goc.example.org:8443']);
  });

  it.each([
    [['https://ticket-itb.example.org/goc'], 'goc.extraOrigins[0]', /without a path/],
    [['http://ticket-itb.example.org'], 'goc.extraOrigins[0]', /only https:/],
    [['https://ticket.opensciencegrid.org'], 'goc.extraOrigins[0]', /built in/],
    [[ITB, 'https://TICKET-ITB.example.org/'], 'goc.extraOrigins[1]', /listed twice/],
    [Array.from({ length: 21 }, (_, i) => `https://s${i}.example.org`), 'goc.extraOrigins', /20/],
  ])('refuses %j', (origins, where, problem) => {
    const r = parseSettings(withGoc(origins));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(where);
      expect(r.error).toMatch(problem);
    }
  });

  it('repair drops only the bad entry', () => {
    const { settings, problems } = repairSettings(withGoc([ITB, 'ftp://x.example.org', 'https://b.example.org']));
    expect(settings.goc.extraOrigins).toEqual([ITB, 'https://b.example.org']);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('queue.gocBaseUrl: a built-in host or one of goc.extraOrigins', () => {
  it('built-in hosts (with /goc) as before', () => {
    expect(parseSettings(withGoc([], 'https://ticket.grid.iu.edu/goc')).ok).toBe(true);
  });

  it('an added site, with or without /goc', () => {
    for (const url of [ITB, `${ITB}/goc`]) {
      const r = parseSettings(withGoc([ITB], url));
      expect(r.ok && r.settings.queue.gocBaseUrl).toBe(url);
    }
  });

  it('any other host is refused at queue.gocBaseUrl, in the same words as before', () => {
    const r = parseSettings(withGoc([], `${ITB}/goc`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/queue\.gocBaseUrl.*expected the GOC Ticket address \(https:\/\/ticket\.opensciencegrid\.org or https:\/\/ticket\.grid\.iu\.edu/);
    const other = parseSettings(withGoc([ITB], 'https://elsewhere.example.org'));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toContain(`or one of your other GOC sites (${ITB})`);
  });

  it('the same host on another port is not the added site', () => {
    expect(parseSettings(withGoc([ITB], `${ITB}:8443`)).ok).toBe(false);
  });

  it('repair: the address of a site no longer listed goes back to the default', () => {
    const { settings } = repairSettings(withGoc([], ITB));
    expect(settings.queue.gocBaseUrl).toBe('https://ticket.opensciencegrid.org');
  });

  it('the options sections can still validate their part (pick works on the refined schema)', () => {
    const part = settingsSchema.pick({ queue: true, notifications: true });
    expect(part.safeParse(defaultSettings()).success).toBe(true);
    expect(settingsSchema.shape.goc).toBeDefined();
  });
});

describe('import: the GOC address follows the added sites', () => {
  it('the file brings its sites and an address on one of them', () => {
    const plan = planImport(defaultSettings(), JSON.stringify({ goc: { extraOrigins: [ITB] }, queue: { gocBaseUrl: `${ITB}/goc` } }));
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.refused).toEqual([]);
      expect(plan.keepIdentity.queue.gocBaseUrl).toBe(`${ITB}/goc`);
    }
  });

  it('an address on one of your own sites is kept', () => {
    const mine = parseSettings(withGoc([ITB]));
    if (!mine.ok) throw new Error(mine.error);
    const plan = planImport(mine.settings, JSON.stringify({ queue: { gocBaseUrl: ITB } }));
    expect(plan.ok && plan.keepIdentity.queue.gocBaseUrl).toBe(ITB);
  });

  it('an address on an unknown host is left out (yours kept), the rest imported', () => {
    const plan = planImport(defaultSettings(), JSON.stringify({ queue: { gocBaseUrl: ITB, staleDays: 3 } }));
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.refused.join('\n')).toMatch(/queue\.gocBaseUrl .* was not imported: expected the GOC Ticket address/);
      expect(plan.keepIdentity.queue.gocBaseUrl).toBe('https://ticket.opensciencegrid.org');
      expect(plan.keepIdentity.queue.staleDays).toBe(3);
    }
  });
});
