/**
 * What the options page's first frame shows, read in one storage request: the settings snapshot the
 * background validated (services/settings-snapshot.ts), the first-run flag and the what's-new line.
 *
 * The request is started by a tiny script in the page's head (entrypoints/options-first-read.ts),
 * which runs while the page's main script is still loading and compiling: the read (about 15 ms at
 * page load here) is then done by the time the main script renders, instead of starting after it.
 * Both scripts run in the page's window; the head script leaves its promise there for the main one.
 */
import { browser } from 'wxt/browser';
import { getItems, STORED } from '../../utils/storage-items';

const FIRST_FRAME_ITEMS = { pending: STORED.welcomePending, notice: STORED.whatsNewNotice, snapshot: STORED.settingsSnapshot };

export type FirstFrame = Awaited<ReturnType<typeof getItems<typeof FIRST_FRAME_ITEMS>>>;

/** The window property the head script's read waits in (taken once by the main script). */
export const FIRST_READ_HANDOFF = 'gtaOptionsFirstRead';

type Handoff = { [FIRST_READ_HANDOFF]?: Promise<FirstFrame> };

function read(): Promise<FirstFrame> {
  return getItems(browser.storage, FIRST_FRAME_ITEMS).catch(() => ({ pending: false, notice: null, snapshot: null }));
}

/** Run by the head script: starts the read and leaves it for the main script. */
export function startFirstFrameRead(win: object = globalThis): void {
  (win as Handoff)[FIRST_READ_HANDOFF] = read();
  // Tests and the bench read when the request went out (before the main script's 'gta:options-script').
  performance.mark('gta:options-first-read');
}

/**
 * The read the head script started, taken once (a later call reads afresh), or a new read if that
 * script did not run (a page built without it, or a test). Never rejects.
 */
export function readFirstFrame(win: object = globalThis): Promise<FirstFrame> {
  const started = (win as Handoff)[FIRST_READ_HANDOFF];
  delete (win as Handoff)[FIRST_READ_HANDOFF];
  return started ?? read();
}
