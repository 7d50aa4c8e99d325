/**
 * The triage-rotation service: fetches the configured source, keeps the last good rotation, arms the
 * sync and reminder alarms, shows the Monday reminder, and answers the popup/options messages.
 * Everything it needs to remember lives in Dexie or storage.local, never only in module variables:
 * the worker may be killed between any two awaits.
 */
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings-store';
import type { DutyResponse, RotationStatusView } from '../../utils/messages/rotation';
import {
  buildRotation,
  dateIn,
  debugNow,
  dutySummary,
  dutyView,
  displayName,
  exportFileName,
  exportRotationIcs,
  mondayOf,
  nextReminderAt,
  parseRotationSource,
  reminderDue,
  reminderText,
  ROTATION_KEYS,
  upcomingWeeks,
  type EffectiveWeek,
  type Rotation,
} from '../../utils/rotation';
import type { Settings } from '../../utils/settings';
import { loadStored, publish, saveFailure, saveGood, saveNoSource, type Stored } from './store';

export const SYNC_ALARM = 'gta-rotation-sync';
export const REMINDER_ALARM = 'gta-rotation-reminder';
export const REMINDER_PREFIX = 'gta-duty-';
const DEFAULT_TIMEOUT_MS = 30_000;
const HOUR = 3_600_000;

/** A 48 px icon (Chrome requires one for notifications); a data URL works in both browsers. */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAArUlEQVR42u3aUQ6AIAwDUM7hNb20t9BPf0wcDmhXu8Rf0xcjgY3WXHdt+3FGnpKh6TDZ4DDI6ODLILODT4WsDj8UgQo/BIEOn0KwhP+EYAvfjSgNYA0fRpQGRF8yq9KI0oCez4gGPCIMQALYV55XhAHVAAz/gAEGGOBllGxrXTq8N3MMAJ/IGABRBBKg31ZxZ879UcEO9X8HHBIjJokhn8SYVWbQLXPVQOayB7ouHxbsUHov8o4AAAAASUVORK5CYII=';

export interface RotationDeps {
  fetch: typeof fetch;
  isFirefox: boolean;
  /** Does the extension hold host access to this match pattern (e.g. `https://twiki.example/*`)? */
  hasOriginPermission(pattern: string): Promise<boolean>;
  /** The real clock; storage.local `debug.rotationNow` overrides it (tests). */
  clock?: () => number;
  timeoutMs?: number;
}

/** `https://host:8443/x` → `https://host/*` (match patterns have no port). */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

export function createRotationService(deps: RotationDeps) {
  let running: Promise<RotationStatusView> | null = null;
  let runningKey = '';
  const clock = deps.clock ?? Date.now;
  const local = browser.storage.local;

  async function now(): Promise<number> {
    const got = (await local.get(ROTATION_KEYS.debugNow)) as Record<string, unknown>;
    return debugNow(got[ROTATION_KEYS.debugNow]) ?? clock();
  }

  async function permissionFor(source: string): Promise<RotationStatusView['permission']> {
    const pattern = originPattern(source);
    if (!pattern) return 'not-needed';
    try {
      return (await deps.hasOriginPermission(pattern)) ? 'granted' : 'missing';
    } catch {
      return 'missing';
    }
  }

  async function statusView(stored: Stored, settings: Settings): Promise<RotationStatusView> {
    const source = settings.rotation.source;
    const s = stored.status;
    return {
      configured: source !== '',
      source,
      lastAttemptAt: s.lastAttemptAt,
      lastGoodAt: s.lastGoodAt,
      lastGoodSource: s.lastGoodSource,
      format: s.format,
      weekCount: stored.weeks.length,
      warnings: s.warnings,
      error: source === '' ? null : s.error,
      errorAt: source === '' ? null : s.errorAt,
      storage: stored.storage,
      permission: source ? await permissionFor(source) : 'not-needed',
      syncing: running !== null,
    };
  }

  /** Fetches and parses the source; resolves to weeks or an error in words. */
  async function fetchSource(source: string, settings: Settings, at: number) {
    const host = (() => {
      try {
        return new URL(source).host;
      } catch {
        return source;
      }
    })();
    if (!originPattern(source)) return { ok: false as const, error: 'The rotation source must be an http:// or https:// URL.' };
    if ((await permissionFor(source)) === 'missing') {
      return {
        ok: false as const,
        error: `No permission to read ${host}. Open Options → Triage rotation and click "Allow access to ${host}".`,
      };
    }
    const controller = new AbortController();
    const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race ends a stuck request or body even where the abort signal is not honoured.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error('timeout'));
      }, timeoutMs);
    });
    let response: Response;
    let body: string;
    try {
      [response, body] = await Promise.race([
        (async () => {
          const r = await deps.fetch(source, {
            cache: 'no-store',
            credentials: 'include',
            redirect: 'follow',
            signal: controller.signal,
            headers: { accept: 'text/calendar, application/json, text/plain, text/html;q=0.8, */*;q=0.5' },
          });
          return [r, await r.text()] as const;
        })(),
        timeout,
      ]);
    } catch (error) {
      const aborted = controller.signal.aborted;
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      return {
        ok: false as const,
        error: aborted
          ? `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`
          : offline
            ? `Offline: could not reach ${host}.`
            : `Could not reach ${host} (${error instanceof Error ? error.message : String(error)}).`,
      };
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      const status = response.status;
      const why =
        status === 401 || status === 403
          ? 'access was refused — the page needs a sign-in, or is not public'
          : status === 404
            ? 'the page was not found — check the URL'
            : status >= 500
              ? 'the server failed'
              : 'unexpected answer';
      return { ok: false as const, error: `${host} answered HTTP ${status}: ${why}.` };
    }
    const parsed = parseRotationSource(
      body,
      { timeZone: settings.rotation.timeZone, now: at },
      response.headers.get('content-type') ?? '',
    );
    if (!parsed.ok) return { ok: false as const, error: parsed.error };
    return { ok: true as const, parsed };
  }

  async function doSync(reason: string): Promise<RotationStatusView> {
    const { settings } = await loadSettings();
    const at = await now();
    const source = settings.rotation.source;
    let stored: Stored;
    if (!source) {
      stored = await saveNoSource(at);
    } else {
      const result = await fetchSource(source, settings, at);
      if (result.ok) {
        stored = await saveGood({ at, source, format: result.parsed.format, weeks: result.parsed.weeks, warnings: result.parsed.warnings });
      } else {
        console.warn(`[GOC Ticket Assistant] rotation sync (${reason}) failed: ${result.error}`);
        stored = await saveFailure({ at, source, error: result.error });
      }
    }
    // A fresh rotation may make the reminder due (or move the next one).
    await checkReminder(settings, stored).catch((e) => console.warn('[GOC Ticket Assistant] rotation reminder', e));
    return statusView(stored, settings);
  }

  /**
   * One sync at a time. A request for the same source joins the running sync; after a change of
   * source (or zone) it runs next, so the new source is always fetched.
   */
  async function sync(reason: string): Promise<RotationStatusView> {
    const { settings } = await loadSettings();
    const key = `${settings.rotation.source}|${settings.rotation.timeZone}`;
    // Synchronous from here on: a concurrent caller sees `running` already set.
    if (running && runningKey === key) return running;
    const previous = running;
    const mine: Promise<RotationStatusView> = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => doSync(reason));
    running = mine;
    runningKey = key;
    void mine.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      if (running === mine) running = null;
    });
    return mine;
  }

  async function ensureAlarms(settings: Settings, stored?: Stored): Promise<void> {
    const period = settings.rotation.syncHours * 60;
    const existing = await browser.alarms.get(SYNC_ALARM);
    // Re-creating an existing periodic alarm resets its countdown (it might never fire): only when
    // it is missing (Firefox restart, Chrome disable/enable) or its period changed.
    if (!existing || existing.periodInMinutes !== period) {
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
    }
    const at = await now();
    const rotation = rotationOf(stored ?? (await loadStored()), settings);
    const next = nextReminderAt(at, settings.rotation.timeZone, settings.schedule.workStart, rotation.holidays);
    const reminder = await browser.alarms.get(REMINDER_ALARM);
    // A debug clock must not arm real alarms in the past or future of the real clock.
    const when = next === null ? null : next - at + clock();
    if (when === null) {
      if (reminder) await browser.alarms.clear(REMINDER_ALARM);
    } else if (!reminder || Math.abs(reminder.scheduledTime - when) > 60_000) {
      await browser.alarms.create(REMINDER_ALARM, { when });
    }
  }

  function rotationOf(stored: Stored, settings: Settings): Rotation {
    return buildRotation({ weeks: stored.weeks, overrides: settings.rotation.overrides, holidays: settings.rotation.holidays });
  }

  async function untriagedCount(): Promise<number | null> {
    const got = (await local.get('queue.latest')) as Record<string, unknown>;
    const latest = got['queue.latest'] as { counts?: { untriaged?: unknown } | null } | undefined;
    const n = latest?.counts?.untriaged;
    return typeof n === 'number' && n >= 0 ? n : null;
  }

  async function checkReminder(settingsArg?: Settings, storedArg?: Stored): Promise<boolean> {
    const settings = settingsArg ?? (await loadSettings()).settings;
    if (!settings.notifications.dutyReminder) return false;
    const stored = storedArg ?? (await loadStored());
    const at = await now();
    const got = (await local.get(ROTATION_KEYS.reminder)) as Record<string, unknown>;
    const last = got[ROTATION_KEYS.reminder] as { week?: unknown } | undefined;
    const decision = reminderDue(at, {
      rotation: rotationOf(stored, settings),
      timeZone: settings.rotation.timeZone,
      workStart: settings.schedule.workStart,
      identity: settings.identity,
      team: settings.team,
      lastRemindedWeek: typeof last?.week === 'string' ? last.week : null,
    });
    if (!decision.due) return false;
    // Record first: a worker killed right after must not remind twice.
    await local.set({ [ROTATION_KEYS.reminder]: { week: decision.week, at } });
    const text = reminderText(await untriagedCount());
    const options: Record<string, unknown> = { type: 'basic', iconUrl: NOTIFICATION_ICON, title: text.title, message: text.message };
    // Firefox rejects Chrome-only options: build them per browser.
    if (!deps.isFirefox) {
      options.priority = 2;
      options.requireInteraction = true;
    }
    const id = `${REMINDER_PREFIX}${decision.week}`;
    try {
      const create = browser.notifications.create as unknown as (id: string, o: Record<string, unknown>) => Promise<string>;
      await create.call(browser.notifications, id, options);
      // For diagnostics and tests: the browser accepted it (Firefox without a notification daemon
      // closes it at once, so getAll() cannot tell).
      await local.set({ [ROTATION_KEYS.reminder]: { week: decision.week, at, id, shown: true, title: text.title, message: text.message } });
    } catch (error) {
      console.warn('[GOC Ticket Assistant] rotation: reminder notification failed', error);
      await local.set({ [ROTATION_KEYS.reminder]: { week: decision.week, at, id, shown: false, error: String(error) } });
    }
    return true;
  }

  /** Every wake: alarms present? a catch-up sync due? the reminder due? the cache published? */
  async function wake(reason: string): Promise<void> {
    const { settings } = await loadSettings();
    const stored = await loadStored();
    await ensureAlarms(settings, stored);
    const at = await now();
    const period = settings.rotation.syncHours * HOUR;
    const stale =
      stored.status.lastAttemptAt === null ||
      at - stored.status.lastAttemptAt >= period ||
      stored.status.source !== settings.rotation.source;
    if (stale && (settings.rotation.source || stored.status.source)) {
      await sync(`catch-up after ${reason}`);
      return;
    }
    await publish(stored);
    await checkReminder(settings, stored);
  }

  async function onAlarm(name: string): Promise<void> {
    if (name === SYNC_ALARM) await sync('alarm');
    else if (name === REMINDER_ALARM) {
      await checkReminder();
      const { settings } = await loadSettings();
      await ensureAlarms(settings);
    }
  }

  async function onNotificationClicked(id: string): Promise<boolean> {
    if (!id.startsWith(REMINDER_PREFIX)) return false;
    const { settings } = await loadSettings();
    const base = settings.queue.gocBaseUrl.replace(/\/+$/, '');
    await browser.tabs.create({ url: `${base}/list/open` });
    await browser.notifications.clear(id).catch(() => undefined);
    return true;
  }

  /** Settings changed: a new source syncs now; other rotation settings re-arm the alarms. */
  async function onSettingsChanged(oldRaw: unknown, newRaw: unknown): Promise<void> {
    const rotationOfRaw = (raw: unknown) => (raw as { rotation?: { source?: unknown; timeZone?: unknown } } | undefined)?.rotation;
    const [before, after] = [rotationOfRaw(oldRaw), rotationOfRaw(newRaw)];
    const { settings } = await loadSettings();
    // The source, or the zone its timed events are placed in, changed: fetch again.
    if ((before?.source ?? '') !== (after?.source ?? '') || before?.timeZone !== after?.timeZone) await sync('source changed');
    else await publish();
    await ensureAlarms(settings);
    await checkReminder(settings);
  }

  /** A host permission was granted: if it covers the source, sync now. */
  async function onPermissionAdded(origins: readonly string[]): Promise<void> {
    const { settings } = await loadSettings();
    const pattern = originPattern(settings.rotation.source);
    if (pattern && origins.some((o) => o === pattern || o === '<all_urls>' || o === `${pattern.split('//')[0]}//*/*`)) {
      await sync('permission granted');
    }
  }

  async function getDuty(): Promise<DutyResponse> {
    const [{ settings }, stored, at, untriaged] = await Promise.all([loadSettings(), loadStored(), now(), untriagedCount()]);
    const summary = dutySummary(rotationOf(stored, settings), at, settings.rotation.timeZone);
    return {
      now: at,
      summary,
      view: dutyView({ summary, identity: settings.identity, team: settings.team, untriaged }),
      status: await statusView(stored, settings),
      unconfigured: settings.rotation.source === '' && settings.rotation.overrides.length === 0 && stored.weeks.length === 0,
    };
  }

  async function getStatus(): Promise<RotationStatusView> {
    const [{ settings }, stored] = await Promise.all([loadSettings(), loadStored()]);
    return statusView(stored, settings);
  }

  async function getWeeks(from?: string, limit?: number): Promise<{ today: string; weeks: EffectiveWeek[] }> {
    const [{ settings }, stored, at] = await Promise.all([loadSettings(), loadStored(), now()]);
    const today = dateIn(at, settings.rotation.timeZone);
    return { today, weeks: upcomingWeeks(rotationOf(stored, settings), from ?? mondayOf(today), limit ?? 500) };
  }

  async function exportIcs(): Promise<{ filename: string; text: string }> {
    const [{ settings }, stored, at] = await Promise.all([loadSettings(), loadStored(), now()]);
    const weeks = upcomingWeeks(rotationOf(stored, settings), '1970-01-05');
    const text = exportRotationIcs(weeks, {
      now: at,
      holidays: settings.rotation.holidays,
      displayName: (person, email) => displayName(person, settings.team, email),
    });
    return { filename: exportFileName(at), text };
  }

  return {
    sync,
    wake,
    onAlarm,
    checkReminder: () => checkReminder(),
    onNotificationClicked,
    onSettingsChanged,
    onPermissionAdded,
    getDuty,
    getStatus,
    getWeeks,
    exportIcs,
    now,
  };
}

export type RotationService = ReturnType<typeof createRotationService>;
