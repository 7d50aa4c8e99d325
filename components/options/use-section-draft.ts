/**
 * One options section's unsaved edits ("draft"), validated by the section's part of the settings
 * schema and saved through the settings store's read-modify-write.
 *
 * The schema and the store arrive a moment after the first frame (./use-deferred.ts). A save asked
 * for before then waits for them; `validate()` (synchronous, for callers that must ask for a
 * permission inside the click) lets the draft through to the store, which validates every save.
 *
 * - `read` turns stored settings into the form's values; `write` puts the form's values into a
 *   settings object (the freshest stored one at save time, so other sections' saves are kept).
 * - The draft follows the stored values while it has no edits. Another section's save leaves it
 *   alone (only this section's own values are compared). When this section's values change
 *   elsewhere (an import, another window) while there are edits, the edits stay and
 *   `changedElsewhere` says so; `discard()` takes the stored values.
 * - Errors are keyed by settings path (`identity.email`, `rotation.holidays[1]`), worded by the
 *   schema; `captions` name a path for the reader ("E-mail: expected an e-mail address").
 * - A save that fails (invalid for the store, storage quota, sync error) is shown, never lost.
 * - Edits are kept in the page's draft storage (`persist` names the section; ./draft-storage.ts), so
 *   a reload brings them back, and closing the page with edits asks first (beforeunload).
 * - Edits typed while a save runs stay in the draft (the save stored the values it started with).
 */
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DraftStorageContext, readKeptDraft, writeKeptDraft } from './draft-storage';
import { deferredNow, loadDeferred, updateSettingsWhenLoaded, useDeferred, type Deferred } from './use-deferred';
import type { LoadedSettings } from '../../services/settings-store';
import type { SectionName, Settings } from '../../utils/settings/schema';

/** Read-modify-write of the stored settings (services/settings-store.ts `updateSettings`). */
export type SaveSettings = (change: (current: Settings) => Settings) => Promise<LoadedSettings>;

export interface SaveOutcome {
  ok: boolean;
  text: string;
}

/** path → message, e.g. `{ 'identity.email': 'expected an e-mail address' }`. */
export type FieldErrors = Record<string, string>;

/** Which sections of the settings a form edits, e.g. `{ identity: true }`. */
export type SettingsPart = { readonly [K in SectionName]?: true };

export interface SectionDraftOptions<D> {
  settings: Settings;
  save?: SaveSettings;
  read: (settings: Settings) => D;
  write: (draft: D, current: Settings) => Settings;
  /** The sections of the settings this one edits, checked with their part of the schema (a module constant). */
  part: SettingsPart;
  /** Rules the schema cannot state (keyed by path like the schema's errors). */
  check?: (draft: D, next: Settings) => FieldErrors;
  /** Readable names of paths, for messages. */
  captions?: Record<string, string>;
  /** Validate while typing (otherwise on save). */
  live?: boolean;
  /** The section's name for its kept draft (unique on the page); without it nothing is kept. */
  persist?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The reader's name for a path, or for the list a `list[n]` path is an item of. */
function captionOf(path: string, captions: Record<string, string>): { caption: string | undefined; item: RegExpExecArray | null } {
  const item = /^(.*?)\[(\d+)\]$/.exec(path);
  return { caption: captions[path] ?? (item ? captions[item[1]] : undefined), item };
}

/** "E-mail: expected …", "Holidays: "Christmas": expected …", or the bare message without a caption. */
function describe(path: string, message: string, value: unknown, captions: Record<string, string>): string {
  const { caption, item } = captionOf(path, captions);
  if (!caption) return message;
  if (item && typeof value === 'string') return `${caption}: "${value}": ${message}`;
  return `${caption}: ${message}`;
}

/** Turns a store error (`queue.staleDays: Too small`) into the section's words. */
function describeStoreError(error: string, captions: Record<string, string>): string {
  const m = /^([\w.[\]]+): ([\s\S]*)$/.exec(error);
  if (!m) return error;
  const { caption, item } = captionOf(m[1], captions);
  if (!caption) return error;
  return `${caption}${item ? ` (line ${Number(item[2]) + 1})` : ''}: ${m[2]}`;
}

export function notSavedText(detail: string, captioned: boolean): string {
  return captioned ? `Not saved. ${detail}` : `Not saved: ${detail.replace(/\.?$/, '.')}`;
}

export function useSectionDraft<D>(options: SectionDraftOptions<D>) {
  const { settings, read, part, captions = {} } = options;
  const save = options.save ?? updateSettingsWhenLoaded;
  // Every section asks for the validator; only a form checked while typing renders again when it comes.
  const deferred = useDeferred(options.live === true);
  const storedKey = JSON.stringify(read(settings));
  const stored = useMemo(() => JSON.parse(storedKey) as D, [storedKey]);

  const storage = useContext(DraftStorageContext);
  // Edits kept from before a reload; their base tells whether the stored values changed meanwhile.
  const [kept] = useState(() => {
    const found = readKeptDraft(storage, options.persist, stored);
    return found && !same(found.draft, stored) ? found : null;
  });
  const [draft, setDraftState] = useState<D>(kept ? kept.draft : stored);
  /** The stored values the draft started from. */
  const [base, setBase] = useState<D>(kept ? kept.base : stored);
  const [changedElsewhere, setChangedElsewhere] = useState(kept ? !same(kept.base, stored) : false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const latest = useRef({ draft, base, settings, options });
  latest.current = { draft, base, settings, options };

  // The stored values of THIS section changed (other sections' saves do not change `storedKey`).
  // A layout effect with the latest state: a plain effect runs after paint, with stale state.
  useLayoutEffect(() => {
    const now = latest.current;
    if (savingRef.current || same(stored, now.base)) return;
    // No edits, or edits that are now exactly what is stored: follow the stored values.
    if (same(now.draft, now.base) || same(now.draft, stored)) {
      setDraftState(stored);
      setBase(stored);
      setChangedElsewhere(false);
    } else {
      setChangedElsewhere(true);
    }
  }, [storedKey]);

  const dirty = !same(draft, stored);

  useEffect(() => writeKeptDraft(storage, options.persist, dirty ? { draft, base } : null), [storage, options.persist, dirty, draft, base]);

  // Closing (or leaving) the page with edits asks first, from the frame that shows them (a layout
  // effect: a plain one runs a frame later).
  useLayoutEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = 'You have unsaved changes.'; // older browsers ask only when this is set
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setDraft = (next: D | ((old: D) => D)) => {
    setDraftState((old) => (typeof next === 'function' ? (next as (old: D) => D)(old) : next));
    setStatus(null);
    setErrors({});
  };

  const discard = () => {
    setDraftState(stored);
    setBase(stored);
    setChangedElsewhere(false);
    setErrors({});
    setStatus(null);
  };

  /** The would-be settings and their errors; without the validator (not arrived yet), the section's own rules only. */
  const check = (d: D, s: Settings, validator: Deferred | null) => {
    const next = options.write(d, s);
    const extra = options.check?.(d, next) ?? {};
    return { next, ...(validator ? validator.validateSection(part, next, extra) : { errors: extra, values: {} }) };
  };

  const liveErrors = useMemo(() => (options.live ? check(draft, settings, deferred).errors : {}), [options.live, draft, settings, deferred]);
  const shown = options.live ? { ...liveErrors, ...errors } : errors;

  /** Checks the draft; returns the settings it would save, or null after showing why not. */
  const validateWith = (validator: Deferred | null): Settings | null => {
    const { draft: d, settings: s } = latest.current;
    const { next, errors: found, values } = check(d, s, validator);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first === undefined) return next;
    const detail = describe(first, found[first], values[first], captions);
    setStatus({ ok: false, text: notSavedText(detail, detail !== found[first]) });
    return null;
  };

  /**
   * Validates the draft synchronously, so a caller can still ask for a permission inside the click.
   * Before the validator has arrived only the section's own rules run (the store checks the rest).
   */
  const validate = () => validateWith(deferredNow());

  /** Saves the draft over the freshest stored settings; resolves to whether it was stored. */
  const commit = async (savedText = 'Saved.'): Promise<boolean> => {
    const { draft: d, options: o } = latest.current;
    savingRef.current = true;
    setSaving(true);
    try {
      const result = await save((current) => o.write(d, current));
      if (result.error) {
        const detail = describeStoreError(result.error, captions);
        setStatus({ ok: false, text: notSavedText(detail, detail !== result.error) });
        return false;
      }
      const now = JSON.parse(JSON.stringify(o.read(result.settings))) as D;
      // Edits typed while the save ran were not in it: they stay, still unsaved.
      const typedSince = !same(latest.current.draft, d) && !same(latest.current.draft, now);
      setDraftState((old) => (same(old, d) ? now : old));
      setBase(now);
      setChangedElsewhere(false);
      setStatus({ ok: true, text: typedSince ? `${savedText} Your newer edits are not saved yet.` : savedText });
      return true;
    } catch (error) {
      // storage.local.set rejected (quota, a closed profile…): nothing was stored.
      setStatus({ ok: false, text: `Not saved: the settings could not be stored (${error instanceof Error ? error.message : String(error)}).` });
      return false;
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  /** Form submit: validate, then save (waiting for the validator if it has not arrived yet). */
  const submit = (e?: Event) => {
    e?.preventDefault();
    const validator = deferredNow();
    if (validator) {
      if (validateWith(validator)) void commit();
      return;
    }
    void loadDeferred().then(
      (loaded) => validateWith(loaded) && commit(),
      (error: unknown) => setStatus({ ok: false, text: `Not saved: the settings could not be checked (${error instanceof Error ? error.message : String(error)}).` }),
    );
  };

  /** The error of a field (or of any item of a list field). */
  const errorFor = (path: string): string | undefined =>
    shown[path] ?? Object.entries(shown).find(([p]) => p.startsWith(`${path}[`) || p.startsWith(`${path}.`))?.[1];

  return {
    draft,
    setDraft,
    /** The stored values (as form values). */
    stored,
    dirty,
    saving,
    status,
    setStatus,
    errors: shown,
    errorFor,
    changedElsewhere,
    discard,
    validate,
    commit,
    submit,
  };
}

export type SectionDraft<D> = ReturnType<typeof useSectionDraft<D>>;
