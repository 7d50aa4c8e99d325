/**
 * Options section "Other GOC sites" (issue 9): GOC Ticket origins beyond the built-in hosts (a test
 * instance, a team's copy), `goc.extraOrigins`. Adding one asks for its host permission inside the
 * click (a user gesture) and saves it only when granted; the background (services/goc-origins.ts)
 * then registers the content scripts there. Removing one saves the list without it and gives the
 * permission back. The user may revoke a permission in the browser: the site then says so and
 * offers to grant it again.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { grantsToDrop, originsInUse, requiredOrigins, type ManifestHosts } from '../../../utils/host-grants';
import { checkGocOrigin, MAX_EXTRA_ORIGINS, originPattern } from '../../../utils/goc/origins';
import type { Settings } from '../../../utils/settings';
import { updateSettingsWhenLoaded } from '../use-deferred';
import type { SectionProps } from '../types';

/** The browser calls this section makes (a fake in unit tests). */
export interface HostAccess {
  /** Must be called synchronously from a click: the browser asks the user. */
  request(pattern: string): Promise<boolean>;
  contains(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<boolean>;
  /** Calls back when a permission is added or removed anywhere; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  manifest(): ManifestHosts;
}

/** Any failure (an API missing or refusing) reads as "no": the section never throws. */
async function safely<T>(call: () => Promise<T> | undefined, fallback: T): Promise<T> {
  try {
    return (await call()) ?? fallback;
  } catch {
    return fallback;
  }
}

const browserAccess: HostAccess = {
  request(pattern) {
    try {
      return browser.permissions.request({ origins: [pattern] }).catch(() => false);
    } catch {
      return Promise.resolve(false);
    }
  },
  contains: (pattern) => safely(() => browser.permissions?.contains({ origins: [pattern] }), false),
  remove: (pattern) => safely(() => browser.permissions?.remove({ origins: [pattern] }), false),
  onChange(listener) {
    const added: Array<{ removeListener(l: () => void): void }> = [];
    for (const event of [browser.permissions?.onAdded, browser.permissions?.onRemoved]) {
      try {
        event?.addListener(listener);
        if (event) added.push(event);
      } catch {
        // not available here (tests' fake browser): the state is read on focus instead
      }
    }
    return () => added.forEach((event) => event.removeListener(listener));
  },
  manifest: () => browser.runtime.getManifest() as ManifestHosts,
};

type Status = { ok: boolean; text: string } | null;

/** The origin of the GOC Ticket address (Software queue), or null. */
function baseOrigin(settings: Settings): string | null {
  try {
    return new URL(settings.queue.gocBaseUrl).origin;
  } catch {
    return null;
  }
}

export function GocSitesSection({ settings, save = updateSettingsWhenLoaded, access = browserAccess }: SectionProps & { access?: HostAccess }) {
  const origins = settings.goc?.extraOrigins ?? [];
  const [input, setInput] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const key = origins.join(' ');

  // Whether each site's permission is there now (the user may revoke it in the browser).
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void Promise.all(origins.map(async (o) => [o, await access.contains(originPattern(o))] as const)).then((pairs) => {
        if (live) setGranted(Object.fromEntries(pairs));
      });
    refresh();
    const off = access.onChange(refresh);
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      off();
      window.removeEventListener('focus', refresh);
    };
  }, [key, access]);

  const add = (e: Event) => {
    e.preventDefault();
    const check = checkGocOrigin(input);
    if (!check.ok) return setStatus({ ok: false, text: `Not added: ${check.problem}.` });
    const origin = check.origin;
    if (origins.includes(origin)) return setStatus({ ok: false, text: `${origin} is already in the list.` });
    if (origins.length >= MAX_EXTRA_ORIGINS) return setStatus({ ok: false, text: `Not added: at most ${MAX_EXTRA_ORIGINS} other sites.` });
    // Inside the click, before any await: the browser asks the user for this site.
    const asked = access.request(originPattern(origin));
    setBusy(true);
    void asked
      .then(async (ok) => {
        if (!ok) return setStatus({ ok: false, text: `Access to ${origin} was not granted: nothing was saved.` });
        const saved = await save((s) => ({ ...s, goc: { ...s.goc, extraOrigins: [...s.goc.extraOrigins.filter((o) => o !== origin), origin] } }));
        if (saved.error) return setStatus({ ok: false, text: `Not saved: ${saved.error}` });
        setInput('');
        setGranted((g) => ({ ...g, [origin]: true }));
        setStatus({ ok: true, text: `Added ${origin}: ticket pages there get every feature (reload open ones).` });
      })
      .finally(() => setBusy(false));
  };

  const grantAgain = (origin: string) => {
    const asked = access.request(originPattern(origin));
    void asked.then((ok) => {
      setGranted((g) => ({ ...g, [origin]: ok }));
      setStatus(ok ? { ok: true, text: `Access to ${origin} granted again.` } : { ok: false, text: `Access to ${origin} was not granted.` });
    });
  };

  const remove = (origin: string) => {
    if (baseOrigin(settings) === origin) {
      return setStatus({ ok: false, text: `Not removed: the GOC Ticket address (Software queue) is on ${origin}; change it first.` });
    }
    setBusy(true);
    void save((s) => ({ ...s, goc: { ...s.goc, extraOrigins: s.goc.extraOrigins.filter((o) => o !== origin) } }))
      .then(async (saved) => {
        if (saved.error) return setStatus({ ok: false, text: `Not removed: ${saved.error}` });
        // Give the permission back unless another setting still uses that host (the rotation source).
        const pattern = originPattern(origin);
        const drop = grantsToDrop({ granted: [pattern], inUse: originsInUse(saved.settings), required: requiredOrigins(access.manifest()) });
        if (drop.length > 0) await access.remove(pattern);
        setStatus({ ok: true, text: `Removed ${origin}.` });
      })
      .finally(() => setBusy(false));
  };

  return (
    <section id="goc-sites" data-gta="options-goc-sites" aria-labelledby="gta-goc-sites-title">
      <h2 id="gta-goc-sites-title">Other GOC sites</h2>
      <p class="gta-hint">
        A test instance or a team's copy of GOC Ticket: add its address (such as https://ticket-itb.example.org) and every ticket-page
        feature works there too. Your browser asks for access to that site when you add it.
      </p>
      {origins.length === 0 ? (
        <p data-gta="goc-sites-empty">No other sites.</p>
      ) : (
        <ul data-gta="goc-sites-list">
          {origins.map((origin) => {
            const state = granted[origin] === undefined ? 'unknown' : granted[origin] ? 'granted' : 'missing';
            return (
              <li key={origin} data-gta="goc-site" data-gta-origin={origin} data-gta-state={state}>
                <span>{origin}</span>{' '}
                {state === 'granted' && <span class="gta-hint">active</span>}
                {state === 'missing' && (
                  <>
                    <span role="alert">permission missing: grant again</span>{' '}
                    <button type="button" data-gta="goc-site-grant" onClick={() => grantAgain(origin)}>
                      Grant access
                    </button>
                  </>
                )}{' '}
                <button type="button" data-gta="goc-site-remove" aria-label={`Remove ${origin}`} disabled={busy} onClick={() => remove(origin)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form noValidate onSubmit={add}>
        <label for="gta-goc-site-new">Add a site</label>
        <input
          id="gta-goc-site-new"
          type="url"
          placeholder="https://ticket-itb.example.org"
          data-gta="goc-site-input"
          value={input}
          onInput={(e) => {
            setInput((e.currentTarget as HTMLInputElement).value);
            setStatus(null);
          }}
        />
        <button type="submit" data-gta="goc-site-add" disabled={busy}>
          Add site
        </button>
      </form>
      {status && (
        <p data-gta="goc-sites-status" data-gta-state={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
