/**
 * The browser-neutral API every e2e spec is written against (README.md in tests/e2e documents it
 * with examples). One implementation over Playwright (Chromium), one over puppeteer-core
 * (Firefox, WebDriver BiDi); both behave the same for the same call.
 *
 * Selectors are plain CSS. They also find elements inside OPEN shadow roots (the extension's UI may
 * live there), but a combinator cannot cross a shadow boundary: `.gta-badge` works, `#host .gta-badge`
 * does not when .gta-badge sits inside #host's shadow root.
 */

export type BrowserName = 'chromium' | 'firefox';

export type SelectorState = 'attached' | 'detached' | 'visible' | 'hidden';

export interface DialogInfo {
  type: string;
  message: string;
}

export interface GtaDialog extends DialogInfo {
  accept(promptText?: string): Promise<void>;
  dismiss(): Promise<void>;
}

export interface ConsoleEntry {
  /** 'log' | 'warn' | 'error' | 'info' | 'debug' | …, or 'pageerror' for an uncaught exception. */
  type: string;
  text: string;
}

export interface GtaPage {
  readonly browserName: BrowserName;
  /** The underlying Playwright `Page` or puppeteer `Page`: an escape hatch, not portable. */
  readonly raw: unknown;
  url(): string;
  /** Navigates and waits for the load event (extension pages: until the document is complete). */
  goto(url: string, options?: { timeout?: number }): Promise<void>;
  reload(options?: { timeout?: number }): Promise<void>;
  /** Runs `action` (a click that submits, a reload…) and waits for the next page load to finish. */
  waitForNavigation(action: () => Promise<unknown>, options?: { timeout?: number }): Promise<void>;
  /** Waits until visible, scrolls it to the middle of the viewport, clicks its centre. */
  click(selector: string, options?: { timeout?: number }): Promise<void>;
  focus(selector: string, options?: { timeout?: number }): Promise<void>;
  /** Focuses the element and types key by key at its current caret position. */
  type(selector: string, text: string, options?: { timeout?: number }): Promise<void>;
  /** Replaces the field's whole value like a user paste (trusted `input` event, undoable). */
  fill(selector: string, text: string, options?: { timeout?: number }): Promise<void>;
  /** A key or a combination on the focused element: 'Enter', 'Tab', 'Alt+Shift+S', 'Control+z'. */
  press(key: string): Promise<void>;
  /** Sets the files of an `<input type=file>`. */
  setInputFiles(selector: string, filePaths: string[]): Promise<void>;
  /** Runs `fn(arg)` in the page (main world). `fn` is serialised: it cannot use outer variables. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForSelector(selector: string, options?: { state?: SelectorState; timeout?: number }): Promise<void>;
  /** Polls `fn(arg)` in the page until it returns a truthy value, which is returned. */
  waitForFunction<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    options?: { timeout?: number },
  ): Promise<R>;
  /** `fn(elements, arg)` over every match (document and open shadow roots), in the page. */
  $$eval<R, A = undefined>(selector: string, fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R>;
  count(selector: string): Promise<number>;
  /** textContent of the first match; throws when nothing matches. */
  textOf(selector: string): Promise<string>;
  /** An attribute of the first match (null when absent); throws when nothing matches. */
  attr(selector: string, name: string): Promise<string | null>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /**
   * Handles the page's alert/confirm/prompt. Without a handler every dialog is dismissed (in both
   * browsers), and all of them are recorded in dialogs().
   */
  onDialog(handler: (dialog: GtaDialog) => void | Promise<void>): void;
  dialogs(): DialogInfo[];
  /** Console messages and uncaught page errors since the page was opened (content scripts included). */
  consoleMessages(): ConsoleEntry[];
  close(): Promise<void>;
  isClosed(): boolean;
}

export interface ExtDriver {
  readonly browserName: BrowserName;
  /** Chromium: the extension id; Firefox: the fixed moz-extension UUID. */
  readonly extensionId: string;
  /** Absolute path of the build under test (a byte-identical snapshot of .output/<target>). */
  readonly extensionPath: string;
  /** The manifest of the build under test. */
  readonly manifest: Record<string, any>;
  /** 'service-worker' (Chromium MV3) or 'extension-page' (Firefox: see background()). */
  readonly backgroundKind: 'service-worker' | 'extension-page';
  /** `chrome-extension://<id>/<path>` or `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  newPage(): Promise<GtaPage>;
  /** Opens popup.html / options.html in a tab and waits until its app rendered (or `waitFor`). */
  openExtensionPage(name: string, options?: { waitFor?: string; timeout?: number }): Promise<GtaPage>;
  /** New page on a GOC URL (or path); waits until the content script finished (`html[data-gta-features]`). */
  openGocPage(urlOrPath: string, options?: { timeout?: number }): Promise<GtaPage>;
  /**
   * Evaluates `fn(arg)` in the extension background. Chromium: inside the MV3 service worker (woken
   * first when it was stopped). Firefox: the MV2 background page cannot be reached over BiDi, so `fn`
   * runs in a hidden extension page of the same extension: same `browser`/`chrome` APIs and storage,
   * but not the background's own globals (and runtime.sendMessage from there reaches the background).
   */
  background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates in the hidden extension page in both browsers (an extension context with every API). */
  extensionEval<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** runtime.sendMessage from an extension page; resolves with the background's answer. */
  sendMessage<R = unknown>(message: unknown): Promise<R>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  getStorage(keys?: string | string[] | null): Promise<Record<string, any>>;
  removeStorage(keys: string | string[]): Promise<void>;
  setSyncStorage(items: Record<string, unknown>): Promise<void>;
  getSyncStorage(keys?: string | string[] | null): Promise<Record<string, any>>;
  /** Empties storage.local and storage.sync. */
  clearStorage(): Promise<void>;
  /**
   * Stores a settings object the way the options page's import does (validated with utils/settings,
   * identity → storage.sync, the rest → storage.local) and returns the stored settings. Default: the
   * object over the DEFAULT settings (a file imported into a fresh profile); `merge: true`: over the
   * current settings, exactly like the options page (mergeImport). Throws when the object is invalid.
   */
  importConfig(config: unknown, options?: { merge?: boolean }): Promise<Record<string, any>>;
  /** Imports through the options page's `data-gta="config-import"` input; reports the page's verdict. */
  importConfigViaOptionsPage(config: unknown | string): Promise<{ ok: boolean; message: string }>;
  /**
   * Chromium: stops the MV3 service worker (CDP ServiceWorker.stopAllWorkers); returns 'stopped'.
   * Firefox: the MV2 background page is persistent and cannot be stopped alone; the closest event
   * (the background context dies and starts fresh, storage/IndexedDB kept, in-memory state and
   * alarms lost) is an extension reload, which this does; returns 'reloaded'. Open GOC pages keep
   * an orphaned content script after a reload in Firefox: open new pages afterwards.
   */
  stopServiceWorker(): Promise<'stopped' | 'reloaded'>;
  /** Chromium: is the service worker running now? Firefox: always true (persistent page). */
  isBackgroundRunning(): Promise<boolean>;
  /** Whole-browser offline mode (pages, background, navigator.onLine). */
  setOffline(offline: boolean): Promise<void>;
  clearCookies(): Promise<void>;
  /** Pages opened through this driver that are still open. */
  pages(): GtaPage[];
  /**
   * A tab something else opened (the extension's background, a page's link), once its URL matches
   * `url`; from then on tracked like the test's own pages (closed after the test).
   */
  waitForOpenedPage(url: RegExp, options?: { timeout?: number }): Promise<GtaPage>;
  /**
   * The URL of the tab the extension opened by itself on install (the welcome: options.html#welcome),
   * or null if none appeared; the harness closes that tab at launch so specs see only their own tabs.
   */
  readonly installTab: string | null;
}

export interface SimHandle {
  /** Direct origin of the running simulator (https://127.0.0.1:<port>); prefer url(). */
  readonly origin: string;
  readonly port: number;
  /** 'goc-sim' (tests/goc-sim) or 'standin' (tests/e2e/harness/standin-sim.mjs). */
  readonly kind: 'goc-sim' | 'standin';
  /** The simulator's in-process state object (same process as the test). */
  readonly state: unknown;
  /** The GOC URL the browser uses: url('12345') → https://ticket.opensciencegrid.org/12345. */
  url(path?: string, options?: { host?: string }): string;
  /**
   * Calls a control endpoint from the test process: control('fault', {mode: '500'}) POSTs JSON to
   * /__sim/fault; control('tickets') GETs /__sim/tickets. Returns parsed JSON (or text); throws on HTTP >= 400.
   */
  control<T = any>(path: string, body?: unknown, options?: { method?: string }): Promise<T>;
  reset(): Promise<void>;
  /**
   * Signs the browser in as a simulator user through /__sim/login (sets the session cookie for that
   * GOC host). With `page`, that page ends on `to` (default: its current URL... or /list/open).
   */
  login(fpid: string, options?: { page?: GtaPage; to?: string; host?: string }): Promise<void>;
  logout(options?: { page?: GtaPage; host?: string }): Promise<void>;
}
