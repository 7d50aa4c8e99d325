/**
 * Every item the extension keeps in `browser.storage`, declared once: its key, its area, its value
 * when missing, and a defensive reader (stored data may be missing, old or corrupted; a reader never
 * throws and never returns a malformed value). Nothing else in the tree names a storage key (a
 * convention test checks it).
 *
 * One export per item, so a bundle carries only the readers it uses (use them as `STORED.<name>`
 * through utils/storage-items.ts). Keys are part of the users' stored state: renaming one loses
 * their data, so keys only ever get added.
 */
import type { Settings } from '../settings/schema';
import { asLatest, EMPTY_LATEST, type QueueLatest } from '../queue/state';
import { asRotationCache, debugNow, EMPTY_CACHE, type RotationCache } from '../rotation/cache';
import { asCloseChecklistLog, type CloseChecklistEntry } from '../triage/close-checklist';
import type { WhatsNewNotice } from '../whats-new';
import { asUpdateDrafts, type UpdateDrafts } from '../update-draft';
import { asTeamFileState, asTeamOverrides, EMPTY_TEAM_FILE_STATE, type TeamFileState, type TeamOverrides } from '../settings/team-file-state';
import type { NewTicketDraft } from '../email/types';

export type StorageAreaName = 'local' | 'sync';

export interface StoredItem<T> {
  readonly key: string;
  readonly area: StorageAreaName;
  /** What a reader returns when nothing (or nothing usable) is stored. */
  readonly fallback: T;
  read(raw: unknown): T;
  /** A test hook: read as its fallback unless this flag (`debug.hooksAllowed`) is true. */
  readonly gate?: StoredItem<boolean>;
}

function storedItem<T>(area: StorageAreaName, key: string, fallback: T, read: (raw: unknown) => T | undefined): StoredItem<T> {
  // A fresh copy each time: a caller that changes what it read must not change the shared default.
  const missing = (): T => (fallback !== null && typeof fallback === 'object' ? structuredClone(fallback) : fallback);
  return {
    key,
    area,
    fallback,
    read(raw) {
      if (raw === undefined) return missing();
      try {
        const value = read(raw);
        return value === undefined ? missing() : value;
      } catch {
        return missing();
      }
    },
  };
}

const bool = (raw: unknown) => (typeof raw === 'boolean' ? raw : undefined);
const finite = (raw: unknown) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined);
const text = (raw: unknown) => (typeof raw === 'string' ? raw : undefined);
const isoDate = (raw: unknown) => (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined);
const record = (raw: unknown) =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
const strings = (raw: unknown) => (Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : undefined);

/** Settings as the background validated them, for pages that must not load the validator. */
export interface SettingsSnapshot {
  settings: Settings;
  /** Why part of the stored settings could not be used (those parts are at their defaults). */
  error: string | null;
  publishedAt: number;
}

/** A queue check in progress; a dead worker's marker is recovered on the next wake. */
export interface InflightMarker {
  token: string;
  startedAt: number;
}

/** The Monday reminder: the duty week it was last due for, and whether the browser showed it. */
export interface ReminderRecord {
  week: string;
  at: number;
  id?: string;
  shown?: boolean;
  title?: string;
  message?: string;
  error?: string;
}

/** One shown (or refused) notification, newest first in the log. */
export interface NotificationLogEntry {
  id: string;
  at: number;
  title: string;
  message: string;
  ticketIds: number[];
  /** Whether the browser accepted it. */
  shown?: boolean;
  error?: string;
  [extra: string]: unknown;
}

export const NOTIFICATION_LOG_SIZE = 20;

// --- settings (validated by services/settings-store.ts, which is the only reader of the raw parts)
/** Everything but the identity (too big for sync's 8 KB per item). */
export const settingsLocal = storedItem<unknown>('local', 'settings', undefined, (raw) => raw);
/** The identity follows the user across machines. */
export const identitySync = storedItem<unknown>('sync', 'identity', undefined, (raw) => raw);
/** Published by the background after every settings change; content scripts and the popup read it. */
export const settingsSnapshot = storedItem<SettingsSnapshot | null>('local', 'settings.snapshot', null, (raw) => {
  const v = record(raw);
  const settings = record(v?.settings);
  if (!v || !settings || !record(settings.identity) || !record(settings.queue) || !record(settings.rotation)) return undefined;
  return {
    settings: settings as unknown as Settings,
    error: text(v.error) ?? null,
    publishedAt: finite(v.publishedAt) ?? 0,
  };
});

// --- queue watch (written by the queue service)
/** State, counts and ticket ids of the last good check; the banner and list page read it. */
export const queueLatest = storedItem<QueueLatest>('local', 'queue.latest', EMPTY_LATEST, asLatest);
export const queueInflight = storedItem<InflightMarker | null>('local', 'queue.inflight', null, (raw) => {
  const v = record(raw);
  return v && typeof v.token === 'string' && finite(v.startedAt) !== undefined
    ? { token: v.token, startedAt: v.startedAt as number }
    : undefined;
});
/** Set on install/upgrade: the next good check is a silent baseline. */
export const queueBaselinePending = storedItem('local', 'queue.baselinePending', false, bool);
/** When the user last opened the popup or the list page (the midday nudge skips them). */
export const queueLastOpenedAt = storedItem<number | null>('local', 'queue.lastOpenedAt', null, finite);
/** YYYY-MM-DD of the last midday nudge. */
export const queueNudgedOn = storedItem<string | null>('local', 'queue.nudgedOn', null, isoDate);
/** The last notifications, newest first (diagnostics and tests). */
export const queueNotifications = storedItem<NotificationLogEntry[]>('local', 'queue.notifications', [], (raw) =>
  Array.isArray(raw)
    ? (raw.filter((e) => record(e) && typeof e.id === 'string') as NotificationLogEntry[]).slice(0, NOTIFICATION_LOG_SIZE)
    : undefined,
);
/** The list page's "Software queue only" toggle. */
export const queueSoftwareFilter = storedItem('local', 'queue.softwareFilter', false, bool);

// --- triage rotation (written by the rotation service)
/** The weeks of the last good sync and the sync status (content scripts cannot read IndexedDB). */
export const rotationCache = storedItem<RotationCache>('local', 'rotation.cache', EMPTY_CACHE, asRotationCache);
export const rotationReminder = storedItem<ReminderRecord | null>('local', 'rotation.reminder', null, (raw) => {
  const v = record(raw);
  return v && typeof v.week === 'string' ? ({ ...v, at: finite(v.at) ?? 0 } as ReminderRecord) : undefined;
});
/** The banner is collapsed for that day (YYYY-MM-DD, team zone). */
export const bannerCollapsedOn = storedItem<string | null>('local', 'dutyBanner.collapsedOn', null, isoDate);
/** The "set up a rotation" banner was dismissed for good. */
export const bannerSetupDismissed = storedItem('local', 'dutyBanner.setupDismissed', false, bool);

// --- triage on the ticket page (written by the page features)
/** What the close checklist had ticked when a Software ticket was resolved or closed (newest last, bounded). */
export const closeChecklistLog = storedItem<CloseChecklistEntry[]>('local', 'closeChecklist.log', [], asCloseChecklistLog);

/** What was typed in New Update boxes and not yet seen saved, per page load (utils/update-draft.ts). */
export const updateDrafts = storedItem<UpdateDrafts>('local', 'updateDraft.drafts', {}, asUpdateDrafts);

// --- e-mail to ticket (issue 9; written by services/email-to-ticket.ts, used by features/email-fill)
/** A draft on its way to the GOC new-ticket form of `origin` (never through the URL). */
export interface EmailTicketEntry {
  id: string;
  /** The GOC origin whose /submit form was opened for it. */
  origin: string;
  draft: NewTicketDraft;
}
const asEmailDraft = (raw: unknown): NewTicketDraft | undefined => {
  const v = record(raw);
  if (!v) return undefined;
  const fields = ['name', 'email', 'title', 'detail'] as const;
  if (!fields.every((f) => typeof v[f] === 'string') || finite(v.createdAt) === undefined) return undefined;
  const [name, email, title, detail] = fields.map((f) => v[f] as string);
  const draft: NewTicketDraft = { name, email, title, detail, cc: strings(v.cc) ?? [], hints: strings(v.hints) ?? [], createdAt: v.createdAt as number };
  if (typeof v.phone === 'string' && v.phone) draft.phone = v.phone;
  return draft;
};
/** Drafts waiting for their form, oldest first; each used once, dropped unused after a day. */
export const emailTicketDrafts = storedItem<EmailTicketEntry[]>('local', 'emailTicket.drafts', [], (raw) =>
  Array.isArray(raw)
    ? raw.flatMap((e) => {
        const v = record(e);
        const draft = asEmailDraft(v?.draft);
        return v && draft && typeof v.id === 'string' && typeof v.origin === 'string' ? [{ id: v.id, origin: v.origin, draft }] : [];
      })
    : undefined,
);
/** What the user pasted in the popup's e-mail box, kept until a ticket is opened from it (or a day passed). */
export const emailTicketPasted = storedItem<{ text: string; savedAt: number } | null>('local', 'emailTicket.pasted', null, (raw) => {
  const v = record(raw);
  return v && typeof v.text === 'string' && finite(v.savedAt) !== undefined ? { text: v.text, savedAt: v.savedAt as number } : undefined;
});

// --- the team file by URL (written by services/team-file; overrides by the settings store)
/** The last good team file's values, the last sync's error and what it changed. */
export const teamFileState = storedItem<TeamFileState>('local', 'teamFile.state', EMPTY_TEAM_FILE_STATE, asTeamFileState);
/** The user's own values for team keys (path → value), kept over every team file. */
export const teamFileOverrides = storedItem<TeamOverrides>('local', 'teamFile.overrides', {}, asTeamOverrides);

// --- other GOC sites (written by services/goc-origins.ts)
/** The extra GOC origins whose content scripts are registered now, when that was last made so, and the last failure. */
export interface GocSitesRegistered {
  origins: string[];
  at: number;
  error: string | null;
}
export const gocSitesRegistered = storedItem<GocSitesRegistered>('local', 'gocSites.registered', { origins: [], at: 0, error: null }, (raw) => {
  const v = record(raw);
  const origins = strings(v?.origins);
  const at = finite(v?.at);
  if (!v || !origins || at === undefined) return undefined;
  return { origins, at, error: typeof v.error === 'string' ? v.error : null };
});

// --- first run and updates (written by services/welcome.ts; cleared by the options page)
/** Set on a fresh install: the options page shows its welcome first until the user dismisses it. */
export const welcomePending = storedItem('local', 'welcome.pending', false, bool);
/** What an update changed for users, shown at the top of the options page until dismissed. */
export const whatsNewNotice = storedItem<WhatsNewNotice | null>('local', 'whatsNew.notice', null, (raw) => {
  const v = record(raw);
  const lines = strings(v?.lines)?.filter((l) => l.trim()).slice(0, 5);
  return v && typeof v.version === 'string' && lines?.length ? { version: v.version, lines } : undefined;
});

// --- test hooks: documented in the README; the extension never writes the hooks themselves
/**
 * Written by the background on every start (services/shared/hooks.ts): true only in a development
 * install. The hooks below read as their fallbacks unless it is true (utils/storage/access.ts).
 */
export const debugHooksAllowed = storedItem('local', 'debug.hooksAllowed', false, bool);
const hook = <T>(item: StoredItem<T>): StoredItem<T> => ({ ...item, gate: debugHooksAllowed });
export const debugFailFeatures = hook(storedItem<string[]>('local', 'debug.failFeatures', [], strings));
export const debugQueueOffline = hook(storedItem('local', 'debug.queueOffline', false, bool));
export const debugQueueClockOffsetMs = hook(storedItem('local', 'debug.queueClockOffsetMs', 0, (raw) => finite(Number(raw))));
export const debugRotationNow = hook(storedItem<number | null>('local', 'debug.rotationNow', null, (raw) => debugNow(raw) ?? undefined));
/** Stands for a click on the "Open a GOC ticket from this e-mail" menu entry (e2e: browsers' native menus cannot be clicked). */
export const debugEmailMenuClick = hook(
  storedItem<{ selectionText: string; at: number } | null>('local', 'debug.emailMenuClick', null, (raw) => {
    const v = record(raw);
    return v && typeof v.selectionText === 'string' ? { selectionText: v.selectionText, at: finite(v.at) ?? 0 } : undefined;
  }),
);

export type ItemValue<I> = I extends StoredItem<infer T> ? T : never;
