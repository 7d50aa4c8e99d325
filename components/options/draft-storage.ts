/**
 * Where the options page keeps each section's unsaved edits so a reload does not lose them: the
 * page's sessionStorage (one tab's own copy, gone with the tab; two open options tabs never fight
 * over one draft). Not `browser.storage`: nothing here is a setting, and closing the tab with edits
 * is asked about first (beforeunload, in the draft hook).
 *
 * The page provides the storage (App.tsx); a section rendered without it keeps nothing.
 * A kept draft is only used by the same version of the extension and when it has the shape of the
 * section's current draft (an update may change a form); storage that throws (disabled, full) just
 * keeps nothing.
 */
import { createContext } from 'preact';
import { browser } from 'wxt/browser';

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const DraftStorageContext = createContext<DraftStorage | null>(null);

/** The page's sessionStorage, or null where it is not available. */
export function pageDraftStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export interface KeptDraft<D> {
  /** The unsaved edits. */
  draft: D;
  /** The stored values they started from (to tell whether those changed meanwhile). */
  base: D;
}

const keyOf = (id: string) => `gta-options-draft:${id}`;

/** The extension's version, which wrote a kept draft ('' where the manifest cannot be read). */
function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/**
 * Whether `value` can stand where `reference` stands: same JSON types, every key of an object
 * (extra keys allowed), array items like the reference's first item.
 */
export function fits(value: unknown, reference: unknown): boolean {
  if (Array.isArray(reference)) {
    if (!Array.isArray(value)) return false;
    // Nothing to compare items with (an empty list): the version check stands for them.
    if (reference.length === 0) return true;
    return value.every((item) => fits(item, reference[0]));
  }
  if (reference !== null && typeof reference === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    return Object.entries(reference).every(([key, ref]) => key in object && fits(object[key], ref));
  }
  return typeof value === typeof reference && (value === null) === (reference === null);
}

/** The kept draft of section `id`, if there is one of the right shape. */
export function readKeptDraft<D>(drafts: DraftStorage | null, id: string | undefined, reference: D): KeptDraft<D> | null {
  if (!drafts || !id) return null;
  try {
    const raw = drafts.getItem(keyOf(id));
    if (raw === null) return null;
    const kept = JSON.parse(raw) as (Partial<KeptDraft<unknown>> & { version?: unknown }) | null;
    if (kept && kept.version === version() && fits(kept.draft, reference) && fits(kept.base, reference)) {
      return { draft: kept.draft as D, base: kept.base as D };
    }
    drafts.removeItem(keyOf(id));
  } catch {
    /* corrupt or unreadable: nothing kept */
  }
  return null;
}

/** Keeps (or, with null, forgets) section `id`'s unsaved edits. */
export function writeKeptDraft<D>(drafts: DraftStorage | null, id: string | undefined, kept: KeptDraft<D> | null): void {
  if (!drafts || !id) return;
  try {
    if (kept) drafts.setItem(keyOf(id), JSON.stringify({ version: version(), draft: kept.draft, base: kept.base }));
    else drafts.removeItem(keyOf(id));
  } catch {
    /* full or disabled: the edits are still on screen, and closing asks first */
  }
}
