/**
 * Options section "Triage rotation": where the rotation comes from (iCal, TWiki or JSON URL) and
 * the host permission to read it, the team's time zone, holidays, overrides and swaps (kept in
 * settings, so they survive every re-sync), the Monday reminder, the sync status with the last good
 * sync and any error in words, "Sync now" and "Download rotation (.ics)".
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { updateSettings } from '../../../services/settings-store';
import { sendMessage } from '../../../utils/messages';
import type { RotationStatusView } from '../../../utils/messages/rotation';
import { buildRotation, swapOverrides, type EffectiveWeek } from '../../../utils/rotation/schedule';
import { shortDate } from '../../../utils/rotation/duty-view';
import { isIsoDate } from '../../../utils/time';
import { weekKeyForStart } from '../../../utils/rotation/weeks';
import { rotationSchema, settingsSchema, type Settings } from '../../../utils/settings';
import { downloadText, lastGoodText, watchRotation, when } from '../../rotation/format';
import { numberBounds } from '../schema-limits';
import { ChangedElsewhere, UnsavedHint } from '../SectionStatus';
import type { SectionProps } from '../types';
import { useSectionDraft } from '../use-section-draft';
import { isGocHost } from '../../../utils/goc/hosts';

/** Origins the manifest already grants (the GOC hosts, where a team may also publish the rotation). */

const COMMON_ZONES = ['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'UTC'];

function zoneList(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone');
    if (all?.length) return all;
  } catch {
    /* older browsers: the common zones only */
  }
  return COMMON_ZONES;
}

/** `https://host/*` for a URL the manifest does not already cover; null otherwise (or not a URL). */
export function neededPermission(source: string): { pattern: string; host: string } | null {
  try {
    const u = new URL(source.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.protocol === 'https:' && isGocHost(u.hostname)) return null;
    return { pattern: `${u.protocol}//${u.hostname}/*`, host: u.hostname };
  } catch {
    return null;
  }
}

interface Draft {
  source: string;
  timeZone: string;
  syncHours: string;
  holidays: string;
  workStart: string;
  dutyReminder: boolean;
}

const read = (s: Settings): Draft => ({
  source: s.rotation.source,
  timeZone: s.rotation.timeZone,
  syncHours: String(s.rotation.syncHours),
  holidays: s.rotation.holidays.join('\n'),
  workStart: s.schedule.workStart,
  dutyReminder: s.notifications.dutyReminder,
});

const write = (d: Draft, s: Settings): Settings => ({
  ...s,
  rotation: {
    ...s.rotation,
    source: d.source.trim(),
    timeZone: d.timeZone.trim(),
    syncHours: d.syncHours.trim() === '' ? NaN : Number(d.syncHours),
    holidays: [...new Set(d.holidays.split(/[\s,]+/).filter(Boolean))].sort(),
  },
  schedule: { ...s.schedule, workStart: d.workStart.trim() },
  notifications: { ...s.notifications, dutyReminder: d.dutyReminder },
});

const SCHEMA = settingsSchema.pick({ rotation: true, schedule: true, notifications: true });
const SYNC_HOURS = numberBounds(rotationSchema.shape.syncHours);
const CAPTIONS = {
  'rotation.source': 'Source',
  'rotation.timeZone': 'Time zone',
  'rotation.syncHours': 'Sync every (hours)',
  'rotation.holidays': 'Holidays',
  'schedule.workStart': 'Work day starts',
};

/** Requests host access; must be called directly from a click (a user gesture), before any await. */
function requestAccess(pattern: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function RotationSection({ settings, save }: SectionProps) {
  const d = useSectionDraft({ settings, save, read, write, schema: SCHEMA, captions: CAPTIONS });
  const draft = d.draft;
  // One message line for the form, the overrides, sync and export.
  const message = d.status;
  const setMessage = d.setStatus;
  const [status, setStatus] = useState<RotationStatusView | null>(null);
  const [weeks, setWeeks] = useState<EffectiveWeek[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [newOverride, setNewOverride] = useState({ week: '', person: '' });
  const [swap, setSwap] = useState({ a: '', b: '' });

  const refresh = useCallback(async () => {
    const [s, w] = await Promise.all([
      sendMessage('getRotationStatus', undefined).catch(() => null),
      sendMessage('getRotationWeeks', { limit: 26 }).catch(() => null),
    ]);
    if (s) setStatus(s);
    if (w) setWeeks(w.weeks);
  }, []);
  useEffect(() => {
    void refresh();
    return watchRotation(() => void refresh());
  }, [refresh]);

  const needed = neededPermission(draft.source);
  const field = (key: 'source' | 'timeZone' | 'syncHours' | 'holidays' | 'workStart') => ({
    value: draft[key],
    'aria-invalid': d.errorFor(key === 'workStart' ? 'schedule.workStart' : `rotation.${key}`) ? ('true' as const) : undefined,
    onInput: (e: Event) => d.setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const next = d.validate();
    if (!next) return;
    // Ask for host access inside the click, before anything is awaited (Firefox requires it).
    const access = needed ? requestAccess(needed.pattern) : Promise.resolve(true);
    const source = next.rotation.source;
    void access.then(async (granted) => {
      if (!(await d.commit(source ? 'Saved. Syncing the rotation…' : 'Saved.'))) return;
      if (!granted) {
        setMessage({ ok: false, text: `Saved, but access to ${needed?.host} was not granted: the rotation cannot be fetched until you allow it.` });
      }
    });
  };

  const allowAccess = () => {
    const want = neededPermission(settings.rotation.source);
    if (!want) return;
    void requestAccess(want.pattern).then((granted) => {
      setMessage(granted ? { ok: true, text: `Access to ${want.host} granted. Syncing…` } : { ok: false, text: `Access to ${want.host} was not granted.` });
      if (granted) void syncNow();
    });
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      setStatus(await sendMessage('syncRotationNow', undefined));
      await refresh();
    } catch (error) {
      setMessage({ ok: false, text: `Sync could not start: ${String(error)}` });
    } finally {
      setSyncing(false);
    }
  };

  const download = async () => {
    try {
      const { filename, text } = await sendMessage('exportIcs', undefined);
      downloadText(filename, text);
    } catch (error) {
      setMessage({ ok: false, text: `Export failed: ${String(error)}` });
    }
  };

  /** Overrides are saved at once (not part of the form's draft), over the freshest stored ones. */
  const saveOverrides = async (change: (overrides: Settings['rotation']['overrides']) => Settings['rotation']['overrides'], done: string) => {
    try {
      const result = await (save ?? updateSettings)((current) => ({ ...current, rotation: { ...current.rotation, overrides: change(current.rotation.overrides) } }));
      setMessage(result.error ? { ok: false, text: `Not saved. ${result.error}` } : { ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: `Not saved: the settings could not be stored (${String(error)}).` });
    }
  };

  const addOverride = (e: Event) => {
    e.preventDefault();
    if (!isIsoDate(newOverride.week)) {
      setMessage({ ok: false, text: 'Override: choose the week (any day of it).' });
      return;
    }
    const week = weekKeyForStart(newOverride.week);
    const person = newOverride.person.trim();
    void saveOverrides((overrides) => [...overrides.filter((o) => weekKeyForStart(o.week) !== week), { week, person }], `Week of ${shortDate(week)}: ${newOverride.person.trim() || 'nobody (no triage)'}.`);
    setNewOverride({ week: '', person: '' });
  };

  const doSwap = (e: Event) => {
    e.preventDefault();
    if (!swap.a || !swap.b || swap.a === swap.b) {
      setMessage({ ok: false, text: 'Swap: choose two different weeks.' });
      return;
    }
    const rotation = buildRotation({ weeks: weeks.filter((w) => w.person !== null).map((w) => ({ week: w.week, person: w.person as string })) });
    const pair = swapOverrides(rotation, swap.a, swap.b).map((p) => ({ ...p }));
    const keys = new Set(pair.map((p) => p.week));
    void saveOverrides((overrides) => [...overrides.filter((o) => !keys.has(weekKeyForStart(o.week))), ...pair], `Swapped the weeks of ${shortDate(pair[0].week)} and ${shortDate(pair[1].week)}.`);
    setSwap({ a: '', b: '' });
  };

  const zones = useMemo(zoneList, []);
  const people = useMemo(() => settings.team.map((m) => m.name), [settings.team]);
  const now = Date.now();

  return (
    <section id="rotation" data-gta="options-rotation" aria-labelledby="gta-rotation-title">
      <h2 id="gta-rotation-title">Triage rotation</h2>
      <p class="gta-hint">
        One team member is on triage duty each week, Monday to Friday. The banner on GOC pages, the popup and the
        Monday reminder read the rotation from the source below; your overrides and swaps are kept here and always
        win over it.
      </p>

      <ChangedElsewhere draft={d} />
      <form onSubmit={onSubmit} noValidate>
        <label for="gta-rotation-source">Rotation source (URL)</label>
        <input
          id="gta-rotation-source"
          type="url"
          data-gta="rotation-source"
          placeholder="https://twiki.example.org/twiki/bin/view/SoftwareTeam/TriageRotation?raw=text"
          spellcheck={false}
          {...field('source')}
        />
        <p class="gta-hint">
          An iCal feed (.ics), a TWiki topic (its <code>?raw=text</code> view or the page with the table), or a JSON file
          like <code>[{'{'} "week": "2012-02-13", "person": "Alain Roy" {'}'}]</code>. The type is recognised from the content.
        </p>
        {needed && (
          <p class="gta-notice" data-gta="rotation-permission-explainer">
            To read the rotation, the extension needs permission to access <strong>{needed.host}</strong>. It fetches
            only the address above, every few hours, and sends nothing anywhere. Your browser will ask when you save.
          </p>
        )}

        <div class="gta-row">
          <span>
            <label for="gta-rotation-zone">Team time zone</label>
            <input id="gta-rotation-zone" type="text" list="gta-rotation-zones" data-gta="rotation-timezone" {...field('timeZone')} />
            <datalist id="gta-rotation-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </span>
          <span>
            <label for="gta-rotation-hours">Sync every (hours)</label>
            <input id="gta-rotation-hours" type="number" {...SYNC_HOURS} {...field('syncHours')} />
          </span>
          <span>
            <label for="gta-rotation-workstart">Work day starts</label>
            <input id="gta-rotation-workstart" type="text" placeholder="09:00" {...field('workStart')} />
          </span>
        </div>

        <label for="gta-rotation-holidays">Holidays (no triage; one date per line)</label>
        <textarea id="gta-rotation-holidays" rows={3} placeholder={'2026-12-25\n2027-01-01'} data-gta="rotation-holidays" {...field('holidays')} />

        <label class="gta-check">
          <input
            type="checkbox"
            checked={draft.dutyReminder}
            data-gta="rotation-reminder"
            onChange={(e) => d.setDraft({ ...draft, dutyReminder: (e.currentTarget as HTMLInputElement).checked })}
          />
          Remind me on Monday at the start of the work day when I am on triage duty
        </label>

        <div class="gta-row gta-actions">
          <button type="submit" class="gta-primary" data-gta="rotation-save">
            Save rotation settings
          </button>
          <UnsavedHint draft={d} />
        </div>
      </form>
      {message && (
        <p class={`gta-status ${message.ok ? 'gta-ok' : 'gta-error'}`} role="status" data-gta="rotation-message">
          {message.text}
        </p>
      )}

      <h3 class="gta-subhead">Sync status</h3>
      <div data-gta="rotation-status">
        {status === null ? (
          <p class="gta-hint">Asking the background…</p>
        ) : (
          <>
            <p data-gta="rotation-last-good">{lastGoodText(status, now)}</p>
            {status.error && (
              <p class="gta-error" role="alert" data-gta="rotation-error">
                Last sync failed{status.errorAt !== null ? ` (${when(status.errorAt, now)})` : ''}: {status.error}
                {status.lastGoodAt !== null ? ' The last good rotation is still in use.' : ''}
              </p>
            )}
            {status.permission === 'missing' && status.configured && (
              <p class="gta-notice" data-gta="rotation-permission-missing">
                No access to {neededPermission(status.source)?.host ?? 'the source'} yet.{' '}
                <button type="button" data-gta="rotation-allow" onClick={allowAccess}>
                  Allow access to {neededPermission(status.source)?.host ?? 'the source'}
                </button>
              </p>
            )}
            {status.storage === 'storage.local' && (
              <p class="gta-warn">IndexedDB is not available in this browser profile; the rotation is kept in extension storage instead.</p>
            )}
            {status.warnings.length > 0 && (
              <details>
                <summary>{status.warnings.length} note(s) from the last good sync</summary>
                <ul>
                  {status.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
        <div class="gta-row">
          <button type="button" data-gta="rotation-sync-now" disabled={syncing || !settings.rotation.source} onClick={() => void syncNow()}>
            {syncing ? 'Syncing…' : 'Sync now'}
          </button>
          <button type="button" data-gta="rotation-download-ics" onClick={() => void download()}>
            Download rotation (.ics)
          </button>
        </div>
      </div>

      <h3 class="gta-subhead">Upcoming weeks</h3>
      {weeks.length === 0 ? (
        <p class="gta-hint" data-gta="rotation-weeks-empty">No weeks yet.</p>
      ) : (
        <table class="gta-experts-table" data-gta="rotation-weeks">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">On duty</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {weeks.slice(0, 12).map((w) => (
              <tr key={w.week} data-gta-week={w.week}>
                <td>{shortDate(w.week)}</td>
                <td>{w.person ?? 'nobody (no triage)'}</td>
                <td>{w.origin === 'override' ? 'your override' : 'source'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 class="gta-subhead">Overrides and swaps</h3>
      <p class="gta-hint">Kept in your settings and applied over every sync. An empty person means no triage that week.</p>
      {settings.rotation.overrides.length > 0 && (
        <ul data-gta="rotation-overrides">
          {settings.rotation.overrides.map((o, i) => (
            <li key={`${o.week}-${i}`} data-gta-week={o.week}>
              Week of {isIsoDate(o.week) ? shortDate(weekKeyForStart(o.week)) : o.week}: {o.person || 'nobody (no triage)'}{' '}
              <button
                type="button"
                class="gta-chip"
                aria-label={`Remove the override for the week of ${o.week}`}
                onClick={() => void saveOverrides((overrides) => overrides.filter((x) => !(x.week === o.week && x.person === o.person)), 'Override removed.')}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="gta-row" onSubmit={addOverride} data-gta="rotation-override-form">
        <label class="gta-inline" for="gta-override-week">
          Week of
        </label>
        <input id="gta-override-week" type="date" value={newOverride.week} onInput={(e) => setNewOverride({ ...newOverride, week: (e.currentTarget as HTMLInputElement).value })} />
        <label class="gta-inline" for="gta-override-person">
          person
        </label>
        <input
          id="gta-override-person"
          type="text"
          list="gta-rotation-people"
          placeholder="Alain Roy"
          value={newOverride.person}
          onInput={(e) => setNewOverride({ ...newOverride, person: (e.currentTarget as HTMLInputElement).value })}
        />
        <datalist id="gta-rotation-people">
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <button type="submit" data-gta="rotation-override-add">
          Set override
        </button>
      </form>
      <form class="gta-row" onSubmit={doSwap} data-gta="rotation-swap-form">
        <label class="gta-inline" for="gta-swap-a">
          Swap
        </label>
        <WeekSelect id="gta-swap-a" weeks={weeks} value={swap.a} onChange={(a) => setSwap({ ...swap, a })} />
        <label class="gta-inline" for="gta-swap-b">
          with
        </label>
        <WeekSelect id="gta-swap-b" weeks={weeks} value={swap.b} onChange={(b) => setSwap({ ...swap, b })} />
        <button type="submit" data-gta="rotation-swap">
          Swap weeks
        </button>
      </form>
    </section>
  );
}

/** A duty week picker: "Mon 23 Nov — Alain Roy" per synced week. */
function WeekSelect(props: {
  id: string;
  weeks: { week: string; person?: string | null }[];
  value: string;
  onChange: (week: string) => void;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">week…</option>
      {props.weeks.map((w) => (
        <option key={w.week} value={w.week}>
          {shortDate(w.week)} — {w.person ?? 'nobody'}
        </option>
      ))}
    </select>
  );
}
