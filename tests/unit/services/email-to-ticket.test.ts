/**
 * services/email-to-ticket.ts with fakes: a pasted e-mail becomes a stored draft (never in the URL)
 * and the GOC new-ticket form opens; drafts expire after a day (on use and on start); the context
 * menu is created idempotently and its click (and the e2e hook standing for it) takes the same path;
 * a one-line selection (Chrome) gets its line breaks back and the form says so; bad input never throws.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  createEmailToTicket,
  DRAFT_TTL_MS,
  FLATTENED_HINT,
  liveDrafts,
  MAX_DRAFTS,
  MENU_ID,
  MENU_TITLE,
  submitUrl,
  type EmailToTicketDeps,
  type MenuProperties,
} from '../../../services/email-to-ticket';
import { defaultSettings } from '../../../utils/settings';
import { getItem, setItem, STORED } from '../../../utils/storage-items';
import type { EmailTicketEntry } from '../../../utils/storage/items';

const T = Date.UTC(2026, 11, 1, 15);
const EMAIL = [
  'From: Jane Smith <Jane.Smith@example.edu>',
  'Date: Mon, 30 Nov 2026 10:02:00 -0600',
  'To: Alain Roy <aroy@example.org>',
  'Subject: Re: HTCondor-CE jobs held since the upgrade',
  '',
  'Hi Alain,',
  '',
  'Since the upgrade every job on our CE is held:',
  '11/30/26 10:00:01 (pid:4242) Error: SCHEDD_NAME not set',
  '',
  'Thanks,',
  'Jane',
].join('\n');

function makeDeps(over: Partial<EmailToTicketDeps> = {}): {
  deps: EmailToTicketDeps & { openTab: ReturnType<typeof vi.fn<(url: string) => Promise<unknown>>> };
  settings: ReturnType<typeof defaultSettings>;
  created: MenuProperties[];
  tick(ms: number): number;
} {
  let clock = T;
  const settings = defaultSettings();
  settings.identity.name = 'Alain Roy';
  settings.identity.email = 'aroy@example.org';
  const created: MenuProperties[] = [];
  const deps = {
    store: browser.storage,
    now: () => clock,
    settings: vi.fn(async () => settings),
    openTab: vi.fn<(url: string) => Promise<unknown>>(async () => undefined),
    menus: {
      removeAll: vi.fn(async () => void created.splice(0)),
      create: vi.fn(async (p: MenuProperties) => {
        if (created.some((c) => c.id === p.id)) throw new Error(`Cannot create item with duplicate id ${p.id}`);
        created.push(p);
      }),
    },
    newId: (() => {
      let n = 0;
      return () => `d${++n}`;
    })(),
    ...over,
  } as EmailToTicketDeps & { openTab: ReturnType<typeof vi.fn<(url: string) => Promise<unknown>>> };
  return { deps, settings, created, tick: (ms: number) => (clock += ms) };
}

const drafts = () => getItem(browser.storage, STORED.emailTicketDrafts);

beforeEach(() => fakeBrowser.reset());

describe('open from the popup', () => {
  it('keeps the draft in storage, opens <gocBaseUrl>/submit (no draft in the URL), drops the pasted text', async () => {
    const { deps } = makeDeps();
    await setItem(browser.storage, STORED.emailTicketPasted, { text: EMAIL, savedAt: T });
    const result = await createEmailToTicket(deps).open(EMAIL, 'popup');
    expect(result).toMatchObject({ opened: true, url: 'https://ticket.opensciencegrid.org/submit' });
    expect(deps.openTab).toHaveBeenCalledWith('https://ticket.opensciencegrid.org/submit');
    const [entry] = await drafts();
    expect(entry.origin).toBe('https://ticket.opensciencegrid.org');
    expect(entry.draft).toMatchObject({ name: 'Jane Smith', email: 'jane.smith@example.edu', cc: ['aroy@example.org'], createdAt: T });
    expect(entry.draft.title).toBe('HTCondor-CE jobs held since the upgrade');
    expect(entry.draft.detail).toContain('11/30/26 10:00:01 (pid:4242) Error: SCHEDD_NAME not set');
    expect(entry.draft.detail).toMatch(/e-mail/i);
    expect(await getItem(browser.storage, STORED.emailTicketPasted)).toBeNull();
    expect(deps.openTab.mock.calls[0][0]).not.toContain('Jane');
  });

  it('keeps the draft before the tab opens (the page reads it on load)', async () => {
    const { deps } = makeDeps();
    let atOpen: EmailTicketEntry[] = [];
    deps.openTab.mockImplementation(async () => void (atOpen = await drafts()));
    await createEmailToTicket(deps).open(EMAIL, 'popup');
    expect(atOpen).toHaveLength(1);
  });

  it('follows queue.gocBaseUrl (other host, /goc base, trailing slash)', async () => {
    const { deps, settings } = makeDeps();
    settings.queue.gocBaseUrl = 'https://ticket.grid.iu.edu/goc/';
    await createEmailToTicket(deps).open(EMAIL, 'popup');
    expect(deps.openTab).toHaveBeenCalledWith('https://ticket.grid.iu.edu/goc/submit');
    expect((await drafts())[0].origin).toBe('https://ticket.grid.iu.edu');
    expect(submitUrl('https://x.example/')).toBe('https://x.example/submit');
  });

  it('an empty box or text with nothing in it: a message, no tab, no draft, no pasted text lost', async () => {
    const { deps } = makeDeps();
    await setItem(browser.storage, STORED.emailTicketPasted, { text: '   ', savedAt: T });
    const service = createEmailToTicket(deps);
    const empty = await service.open('  \n ', 'popup');
    expect(empty.opened).toBe(false);
    expect(empty.error).toMatch(/Paste an e-mail/);
    expect(deps.openTab).not.toHaveBeenCalled();
    expect(await drafts()).toEqual([]);
    expect(await getItem(browser.storage, STORED.emailTicketPasted)).not.toBeNull();
  });

  it('never throws: a failing settings read or tab answers with a message', async () => {
    const { deps } = makeDeps({ openTab: vi.fn<(url: string) => Promise<unknown>>(async () => Promise.reject(new Error('no window'))) });
    const result = await createEmailToTicket(deps).open(EMAIL, 'popup');
    expect(result.opened).toBe(false);
    expect(result.error).toMatch(/no window/);
  });

  it('a 2 MB paste is read in bounded time and opens a form', async () => {
    const { deps } = makeDeps();
    const huge = `${EMAIL}\n${'x'.repeat(80)}\n`.repeat(Math.ceil((2 * 1024 * 1024) / 400));
    const started = performance.now();
    const result = await createEmailToTicket(deps).open(huge, 'popup');
    expect(result.opened).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await drafts())[0].draft.detail.length).toBeLessThan(huge.length);
  });
});

describe('draft expiry', () => {
  const entry = (id: string, createdAt: number): EmailTicketEntry => ({
    id,
    origin: 'https://ticket.opensciencegrid.org',
    draft: { name: '', email: 'a@b.org', title: id, detail: '', cc: [], hints: [], createdAt },
  });

  it('liveDrafts keeps the last day only (and nothing from the future), at most MAX_DRAFTS', () => {
    const list = [entry('old', T - DRAFT_TTL_MS), entry('fresh', T - DRAFT_TTL_MS + 1), entry('future', T + 3_600_000)];
    expect(liveDrafts(list, T).map((e) => e.id)).toEqual(['fresh']);
    const many = Array.from({ length: MAX_DRAFTS + 2 }, (_, i) => entry(`n${i}`, T - i));
    expect(liveDrafts(many, T).map((e) => e.id)).toEqual(many.slice(2).map((e) => e.id));
  });

  it('prune (on every start) drops drafts older than a day and writes only when something went', async () => {
    const { deps } = makeDeps();
    await setItem(browser.storage, STORED.emailTicketDrafts, [entry('old', T - DRAFT_TTL_MS - 1), entry('fresh', T - 1000)]);
    const service = createEmailToTicket(deps);
    expect((await service.prune()).map((e) => e.id)).toEqual(['fresh']);
    expect((await drafts()).map((e) => e.id)).toEqual(['fresh']);
    const set = vi.spyOn(browser.storage.local, 'set');
    await service.prune();
    expect(set).not.toHaveBeenCalled();
  });

  it('a new draft drops expired ones on use', async () => {
    const { deps } = makeDeps();
    await setItem(browser.storage, STORED.emailTicketDrafts, [entry('old', T - 2 * DRAFT_TTL_MS)]);
    await createEmailToTicket(deps).open(EMAIL, 'popup');
    expect((await drafts()).map((e) => e.id)).toEqual(['d1']);
  });
});

describe('context menu', () => {
  it('is created on every start without a duplicate-id error (removeAll first)', async () => {
    const { deps, created } = makeDeps();
    const service = createEmailToTicket(deps);
    await service.ensureMenu();
    await service.ensureMenu();
    expect(created).toEqual([{ id: MENU_ID, title: 'Open a GOC ticket from this e-mail', contexts: ['selection'] }]);
    expect(MENU_TITLE).toBe('Open a GOC ticket from this e-mail');
  });

  it('a click on the entry with a selection keeps a draft and opens the form', async () => {
    const { deps } = makeDeps();
    const result = await createEmailToTicket(deps).onMenuClicked({ menuItemId: MENU_ID, selectionText: EMAIL });
    expect(result?.opened).toBe(true);
    expect(deps.openTab).toHaveBeenCalledWith('https://ticket.opensciencegrid.org/submit');
    const [entry] = await drafts();
    expect(entry.draft.email).toBe('jane.smith@example.edu');
    expect(entry.draft.hints).not.toContain(FLATTENED_HINT);
  });

  it('another menu item is not ours', async () => {
    const { deps } = makeDeps();
    expect(await createEmailToTicket(deps).onMenuClicked({ menuItemId: 'other', selectionText: EMAIL })).toBeNull();
    expect(deps.openTab).not.toHaveBeenCalled();
  });

  it('a one-line selection (Chrome drops line breaks): sender, subject and body recovered, and the form says so', async () => {
    const { deps } = makeDeps();
    const oneLine = EMAIL.replace(/\n+/g, ' ');
    await createEmailToTicket(deps).onMenuClicked({ menuItemId: MENU_ID, selectionText: oneLine });
    const [entry] = await drafts();
    expect(entry.draft).toMatchObject({ name: 'Jane Smith', email: 'jane.smith@example.edu', title: 'HTCondor-CE jobs held since the upgrade' });
    expect(entry.draft.detail).toContain('Since the upgrade every job on our CE is held');
    expect(entry.draft.hints[0]).toBe(FLATTENED_HINT);
  });

  it('the e2e hook stands for a click only in a development install', async () => {
    const { deps } = makeDeps();
    const service = createEmailToTicket(deps);
    await browser.storage.local.set({ 'debug.emailMenuClick': { selectionText: EMAIL, at: T } });
    expect(await service.onDebugClick()).toBeNull();
    expect(deps.openTab).not.toHaveBeenCalled();
    await browser.storage.local.set({ 'debug.hooksAllowed': true });
    expect((await service.onDebugClick())?.opened).toBe(true);
    expect(deps.openTab).toHaveBeenCalledTimes(1);
  });
});
