// @vitest-environment happy-dom
/** Options section "Other GOC sites" (issue 9): add asks first and saves only when granted; remove; a revoked permission. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GocSitesSection, type HostAccess } from '../../../../components/options/sections/GocSitesSection';
import { defaultSettings, parseSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

const ITB = 'https://ticket-itb.example.org';
// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
afterEach(cleanup);

function fakeAccess(grantOnRequest: boolean, initially: string[] = []) {
  const granted = new Set(initially);
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const access: HostAccess = {
    request: vi.fn((pattern: string) => {
      calls.push(`request ${pattern}`);
      if (grantOnRequest) granted.add(pattern);
      return Promise.resolve(grantOnRequest);
    }),
    contains: async (pattern) => granted.has(pattern),
    remove: vi.fn(async (pattern: string) => {
      calls.push(`remove ${pattern}`);
      return granted.delete(pattern);
    }),
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    manifest: () => ({ host_permissions: ['https://ticket.opensciencegrid.org/*'] }),
  };
  const revoke = (pattern: string) => {
    granted.delete(pattern);
    listeners.forEach((l) => l());
  };
  return { access, calls, granted, revoke };
}

/** A store over a settings object that re-renders the section with what was saved. */
function harness(initial: Settings, access: HostAccess) {
  let current = initial;
  const save = vi.fn(async (change: (s: Settings) => Settings) => {
    const parsed = parseSettings(change(current));
    if (!parsed.ok) return { settings: current, error: parsed.error };
    current = parsed.settings;
    view.rerender(<GocSitesSection settings={current} save={save} access={access} />);
    return { settings: current };
  });
  const view = render(<GocSitesSection settings={current} save={save} access={access} />);
  return { save, current: () => current };
}

function withSites(origins: string[], gocBaseUrl?: string): Settings {
  const s = defaultSettings();
  const r = parseSettings({ ...s, goc: { extraOrigins: origins }, queue: { ...s.queue, ...(gocBaseUrl ? { gocBaseUrl } : {}) } });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function add(value: string) {
  fireEvent.input(screen.getByLabelText('Add a site'), { target: { value } });
  fireEvent.click(screen.getByText('Add site'));
}

describe('Other GOC sites', () => {
  it('add: asks inside the click, saves the normalised origin once granted, shows it active', async () => {
    const fake = fakeAccess(true);
    const h = harness(defaultSettings(), fake.access);
    add('HTTPS://Ticket-ITB.example.org/');
    expect(fake.calls).toEqual([`request ${ITB}/*`]); // synchronously, in the click
    await screen.findByText(/Added https:\/\/ticket-itb\.example\.org/);
    expect(h.current().goc.extraOrigins).toEqual([ITB]);
    await vi.waitFor(() => expect(document.querySelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"]`)?.getAttribute('data-gta-state')).toBe('granted'));
  });

  it('a refused grant says so and saves nothing', async () => {
    const fake = fakeAccess(false);
    const h = harness(defaultSettings(), fake.access);
    add(ITB);
    await screen.findByText(`Access to ${ITB} was not granted: nothing was saved.`);
    expect(h.save).not.toHaveBeenCalled();
    expect(document.querySelector('[data-gta="goc-sites-status"]')?.getAttribute('data-gta-state')).toBe('error');
  });

  it('an invalid, built-in or listed address is refused before asking', async () => {
    const fake = fakeAccess(true, [`${ITB}/*`]);
    harness(withSites([ITB]), fake.access);
    add('https://ticket-itb.example.org/goc');
    expect(screen.getByText(/Not added: expected the site only, without a path/)).toBeTruthy();
    add('https://ticket.opensciencegrid.org');
    expect(screen.getByText(/built in/)).toBeTruthy();
    add(`${ITB}/`);
    expect(screen.getByText(`${ITB} is already in the list.`)).toBeTruthy();
    expect(fake.calls).toEqual([]);
  });

  it('remove: saved without it, then the permission is given back', async () => {
    const fake = fakeAccess(true, [`${ITB}/*`]);
    const h = harness(withSites([ITB]), fake.access);
    fireEvent.click(screen.getByLabelText(`Remove ${ITB}`));
    await screen.findByText(`Removed ${ITB}.`);
    expect(h.current().goc.extraOrigins).toEqual([]);
    expect(fake.calls).toEqual([`remove ${ITB}/*`]);
    expect(screen.getByText('No other sites.')).toBeTruthy();
  });

  it('remove keeps the permission when the rotation source lives on that host', async () => {
    const fake = fakeAccess(true, [`${ITB}/*`]);
    const s = withSites([ITB]);
    harness({ ...s, rotation: { ...s.rotation, source: `${ITB}/twiki/Rota` } }, fake.access);
    fireEvent.click(screen.getByLabelText(`Remove ${ITB}`));
    await screen.findByText(`Removed ${ITB}.`);
    expect(fake.calls).toEqual([]);
  });

  it('remove is refused while the GOC Ticket address is on that site', async () => {
    const fake = fakeAccess(true, [`${ITB}/*`]);
    const h = harness(withSites([ITB], `${ITB}/goc`), fake.access);
    fireEvent.click(screen.getByLabelText(`Remove ${ITB}`));
    expect(screen.getByText(/Not removed: the GOC Ticket address \(Software queue\) is on https:\/\/ticket-itb\.example\.org; change it first\./)).toBeTruthy();
    expect(h.save).not.toHaveBeenCalled();
  });

  it('a permission revoked in the browser: "permission missing: grant again", and granting again', async () => {
    const fake = fakeAccess(true, [`${ITB}/*`]);
    harness(withSites([ITB]), fake.access);
    const row = () => document.querySelector(`[data-gta="goc-site"][data-gta-origin="${ITB}"]`)!;
    await vi.waitFor(() => expect(row().getAttribute('data-gta-state')).toBe('granted'));
    fake.revoke(`${ITB}/*`);
    await vi.waitFor(() => expect(row().getAttribute('data-gta-state')).toBe('missing'));
    expect(row().textContent).toContain('permission missing: grant again');
    fireEvent.click(screen.getByText('Grant access'));
    expect(fake.calls).toEqual([`request ${ITB}/*`]);
    await vi.waitFor(() => expect(row().getAttribute('data-gta-state')).toBe('granted'));
  });
});
