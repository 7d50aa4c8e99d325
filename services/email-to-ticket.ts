/**
 * E-mail to ticket (issue 9). Two ways in, one path out:
 * - the popup's box (message `openTicketFromEmail`, extension pages only);
 * - the context-menu entry "Open a GOC ticket from this e-mail" on selected text (permission
 *   `contextMenus` only: the selection comes with the click, no access to the mail site).
 * Both read the e-mail (utils/email), keep the draft in storage.local (`emailTicket.drafts`, never
 * in the URL: length limits, history) and open `<queue.gocBaseUrl>/submit` in a new tab, where
 * features/email-fill fills the page's own fields and deletes the draft. A draft not used within a
 * day is dropped (checked on every use and on every start). Nothing is ever submitted here.
 *
 * Chrome collapses the line breaks of `selectionText`; utils/email/selection.ts puts them back where
 * the e-mail's structure allows, and the form says so.
 */
import { browser } from 'wxt/browser';
import { newTicketDraft, parseEmail } from '../utils/email';
import { unflattenSelection } from '../utils/email/selection';
import type { NewTicketDraft } from '../utils/email/types';
import type { EmailTicketResult } from '../utils/messages/email';
import type { Settings } from '../utils/settings';
import { getItem, removeItem, setItem, STORED, touches, type StorageLike } from '../utils/storage-items';
import type { EmailTicketEntry } from '../utils/storage/items';
import { loadSettings } from './settings-store';
import { onTrustedMessage } from './shared/trusted-messages';

export const MENU_ID = 'gta-email-to-ticket';
export const MENU_TITLE = 'Open a GOC ticket from this e-mail';
/** Drafts older than this are dropped unused. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;
/** At most this many drafts wait at once (each opened form takes the newest). */
export const MAX_DRAFTS = 5;
export const FLATTENED_HINT =
  'The selection came without its line breaks (Chrome removes them from selected text): check the title, name and description, or paste the e-mail into the extension\'s popup instead.';

export interface MenuProperties {
  id: string;
  title: string;
  contexts: ['selection'];
}

export interface EmailToTicketDeps {
  store: StorageLike;
  now(): number;
  settings(): Promise<Pick<Settings, 'identity' | 'queue'>>;
  openTab(url: string): Promise<unknown>;
  menus?: {
    removeAll(): Promise<void>;
    create(properties: MenuProperties): Promise<void>;
  };
  newId?(): string;
}

/** The new-ticket form of a GOC base URL (docs/goc-pages.md §11). */
export function submitUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}/submit`;
}

/** The drafts still usable at `now` (made within the last day, not in the future), newest last, bounded. */
export function liveDrafts(entries: readonly EmailTicketEntry[], now: number): EmailTicketEntry[] {
  return entries.filter((e) => e.draft.createdAt <= now + 60_000 && now - e.draft.createdAt < DRAFT_TTL_MS).slice(-MAX_DRAFTS);
}

/** Whether a draft holds anything worth a form. */
function hasContent(draft: NewTicketDraft): boolean {
  return !!(draft.email || draft.title || draft.detail.trim());
}

export function createEmailToTicket(deps: EmailToTicketDeps) {
  const newId = deps.newId ?? (() => `${deps.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

  /** Drops expired drafts; writes only when something changed. */
  async function prune(): Promise<EmailTicketEntry[]> {
    const entries = await getItem(deps.store, STORED.emailTicketDrafts);
    const live = liveDrafts(entries, deps.now());
    if (live.length !== entries.length) await setItem(deps.store, STORED.emailTicketDrafts, live);
    return live;
  }

  /** Reads `text` as an e-mail, keeps its draft and opens the form. Never throws. */
  async function open(text: string, source: 'popup' | 'selection'): Promise<EmailTicketResult> {
    try {
      if (!text.trim()) return { opened: false, problems: [], error: 'Paste an e-mail first (with its From: and Subject: lines if you have them).' };
      const prepared = source === 'selection' ? unflattenSelection(text) : { text, changed: false };
      const settings = await deps.settings();
      const parsed = parseEmail(prepared.text);
      const now = deps.now();
      const draft = newTicketDraft(parsed, { name: settings.identity.name, email: settings.identity.email }, new Date(now));
      if (!hasContent(draft)) {
        return { opened: false, problems: parsed.problems, error: 'Nothing in this text reads as an e-mail: no sender, no subject and no message.' };
      }
      if (prepared.changed) draft.hints = [FLATTENED_HINT, ...draft.hints];
      const url = submitUrl(settings.queue.gocBaseUrl);
      const entry: EmailTicketEntry = { id: newId(), origin: new URL(url).origin, draft };
      await setItem(deps.store, STORED.emailTicketDrafts, liveDrafts([...(await prune()), entry], now));
      // The pasted text has done its job once its draft is kept (the popup closes when the tab opens).
      if (source === 'popup') await removeItem(deps.store, STORED.emailTicketPasted);
      await deps.openTab(url);
      return { opened: true, url, problems: parsed.problems };
    } catch (error) {
      return { opened: false, problems: [], error: `Could not open the new-ticket form: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  return {
    open,
    prune,
    /** The context-menu entry, created anew on every background start (removeAll first: no duplicate id). */
    async ensureMenu(): Promise<void> {
      if (!deps.menus) return;
      await deps.menus.removeAll();
      await deps.menus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] });
    },
    onMenuClicked(info: { menuItemId?: string | number; selectionText?: string }): Promise<EmailTicketResult | null> {
      if (info.menuItemId !== MENU_ID) return Promise.resolve(null);
      return open(info.selectionText ?? '', 'selection');
    },
    /** The e2e stand-in for a menu click (`debug.emailMenuClick`; read as nothing unless hooks are allowed). */
    async onDebugClick(): Promise<EmailTicketResult | null> {
      const click = await getItem(deps.store, STORED.debugEmailMenuClick);
      return click ? open(click.selectionText, 'selection') : null;
    },
  };
}

/** Background wiring (entrypoints/background.ts): listeners first, synchronously. */
export function registerEmailToTicketService(): void {
  const menus = browser.contextMenus;
  const service = createEmailToTicket({
    store: browser.storage,
    now: Date.now,
    settings: async () => (await loadSettings()).settings,
    openTab: (url) => browser.tabs.create({ url }),
    menus: menus && {
      removeAll: () => menus.removeAll(),
      create: (properties) =>
        new Promise<void>((resolve, reject) => {
          menus.create(properties, () => {
            const error = browser.runtime.lastError;
            if (error) reject(new Error(error.message));
            else resolve();
          });
        }),
    },
  });
  menus?.onClicked.addListener((info) => void service.onMenuClicked(info));
  browser.storage.onChanged.addListener((changes, area) => {
    const key = STORED.debugEmailMenuClick.key;
    if (touches(changes, area, [STORED.debugEmailMenuClick]) && changes[key]?.newValue) void service.onDebugClick();
  });
  onTrustedMessage('openTicketFromEmail', ({ data }) => service.open(typeof data?.text === 'string' ? data.text : '', 'popup'));
  // Every start: the menu entry (Firefox MV2 forgets it with the background page; Chrome keeps it,
  // and removeAll makes the create idempotent), and drafts older than a day go.
  void service.ensureMenu().catch((error: unknown) => console.warn('[GOC Ticket Assistant] e-mail menu', error));
  void service.prune().catch(() => undefined);
}
