/**
 * GtaPage over Playwright (Chromium) and over puppeteer-core (Firefox, BiDi). Element lookups,
 * waits, fill and visibility are implemented once, in the page, by the same functions for both
 * browsers, so a spec sees the same behaviour in each; only the thin primitives (evaluate, a
 * trusted mouse click, the keyboard, screenshots, dialogs) call the two libraries.
 */
import type { Page as PwPage } from '@playwright/test';
import type { Page as PptrPage } from 'puppeteer-core';
import type { BrowserName, ConsoleEntry, DialogInfo, GtaDialog, GtaPage, SelectorState } from './types';

const DEFAULT_TIMEOUT = 10_000;
const POLL_MS = 50;

type QueryMode = 'all' | SelectorState;

/**
 * Runs in the page. Finds `sel` in the document and in every open shadow root. 'all' returns the
 * elements; a state returns whether the selector is in that state. Self-contained on purpose: it is
 * serialised into the page (no closures, no helpers).
 */
function deepQuery(args: { sel: string; mode: QueryMode }): Element[] | boolean {
  const roots: Array<Document | ShadowRoot> = [document];
  const found: Element[] = [];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i];
    root.querySelectorAll(args.sel).forEach((el) => found.push(el));
    root.querySelectorAll('*').forEach((el) => {
      if (el.shadowRoot) roots.push(el.shadowRoot);
    });
  }
  if (args.mode === 'all') return found;
  const visible = (el: Element) => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  switch (args.mode) {
    case 'attached':
      return found.length > 0;
    case 'detached':
      return found.length === 0;
    case 'visible':
      return found.some(visible);
    case 'hidden':
      return !found.some(visible);
  }
  return false;
}

/** Runs in the page: replaces a field's value through the editing path (trusted, undoable input event). */
function fillInPage(el: Element, text: string): boolean {
  const field = el as HTMLInputElement | HTMLTextAreaElement | HTMLElement;
  field.focus();
  if ('select' in field && typeof field.select === 'function') field.select();
  else {
    const range = document.createRange();
    range.selectNodeContents(field);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
  if (!done && 'value' in field) {
    // Fallback for fields where execCommand is refused: set the value and announce it.
    (field as HTMLInputElement).value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

function scrollToCentre(el: Element): void {
  el.scrollIntoView({ block: 'center', inline: 'center' });
}

/** A shared "who is in front" marker per browser, so a page is activated before it is driven. */
export interface FrontTracker {
  current: object | null;
}

abstract class BasePage implements GtaPage {
  abstract readonly browserName: BrowserName;
  abstract readonly raw: unknown;
  protected readonly consoleLog: ConsoleEntry[] = [];
  protected readonly dialogLog: DialogInfo[] = [];
  protected dialogHandler: ((dialog: GtaDialog) => void | Promise<void>) | null = null;
  private closed = false;

  constructor(
    protected readonly front: FrontTracker,
    private readonly onClose: (page: GtaPage) => void,
  ) {}

  abstract url(): string;
  protected abstract rawGoto(url: string, timeout: number): Promise<void>;
  abstract reload(options?: { timeout?: number }): Promise<void>;
  abstract waitForNavigation(action: () => Promise<unknown>, options?: { timeout?: number }): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  protected abstract rawWaitForFunction<R, A>(fn: (arg: A) => R | Promise<R>, arg: A, timeout: number): Promise<R>;
  protected abstract evaluateHandle<A>(fn: (arg: A) => unknown, arg: A): Promise<any>;
  protected abstract rawClick(handle: any): Promise<void>;
  protected abstract keyboardType(text: string): Promise<void>;
  protected abstract keyboardPress(key: string): Promise<void>;
  protected abstract rawSetInputFiles(handle: any, filePaths: string[]): Promise<void>;
  protected abstract rawScreenshot(path: string, fullPage: boolean): Promise<void>;
  abstract setViewport(size: { width: number; height: number }): Promise<void>;
  protected abstract rawBringToFront(): Promise<void>;
  protected abstract rawClose(): Promise<void>;
  protected abstract rawIsClosed(): boolean;

  /** Background tabs get throttled timers and no animation frames: drive only the front tab. */
  protected async toFront(): Promise<void> {
    if (this.front.current === this) return;
    await this.rawBringToFront();
    this.front.current = this;
  }

  async goto(url: string, options: { timeout?: number } = {}): Promise<void> {
    await this.toFront();
    await this.rawGoto(url, options.timeout ?? 30_000);
  }

  async waitForSelector(selector: string, options: { state?: SelectorState; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'attached';
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    await this.toFront();
    try {
      await this.rawWaitForFunction(deepQuery, { sel: selector, mode: state }, timeout);
    } catch (error) {
      throw new Error(`waitForSelector('${selector}', state '${state}') failed after ${timeout} ms: ${(error as Error).message}`);
    }
  }

  waitForFunction<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    options: { timeout?: number } = {},
  ): Promise<R> {
    return this.toFront().then(() => this.rawWaitForFunction(fn, arg as A, options.timeout ?? DEFAULT_TIMEOUT));
  }

  /** The first match as an element handle, after waiting for `state`. */
  protected async handleFor(selector: string, state: SelectorState, timeout = DEFAULT_TIMEOUT): Promise<any> {
    await this.waitForSelector(selector, { state, timeout });
    const list = await this.evaluateHandle(deepQuery, { sel: selector, mode: 'all' as QueryMode });
    try {
      const first = await list.evaluateHandle((els: Element[]) => els[0]);
      const element = first.asElement();
      if (!element) throw new Error(`no element matches '${selector}'`);
      return element;
    } finally {
      await list.dispose();
    }
  }

  async click(selector: string, options: { timeout?: number } = {}): Promise<void> {
    const handle = await this.handleFor(selector, 'visible', options.timeout);
    try {
      await handle.evaluate(scrollToCentre);
      await this.rawClick(handle);
    } finally {
      await handle.dispose();
    }
  }

  async focus(selector: string, options: { timeout?: number } = {}): Promise<void> {
    const handle = await this.handleFor(selector, 'visible', options.timeout);
    try {
      await handle.evaluate((el: HTMLElement) => el.focus());
    } finally {
      await handle.dispose();
    }
  }

  async type(selector: string, text: string, options: { timeout?: number } = {}): Promise<void> {
    await this.focus(selector, options);
    await this.keyboardType(text);
  }

  async fill(selector: string, text: string, options: { timeout?: number } = {}): Promise<void> {
    const handle = await this.handleFor(selector, 'visible', options.timeout);
    try {
      await handle.evaluate(fillInPage, text);
    } finally {
      await handle.dispose();
    }
  }

  async press(key: string): Promise<void> {
    await this.toFront();
    await this.keyboardPress(key);
  }

  async setInputFiles(selector: string, filePaths: string[]): Promise<void> {
    const handle = await this.handleFor(selector, 'attached');
    try {
      await this.rawSetInputFiles(handle, filePaths);
    } finally {
      await handle.dispose();
    }
  }

  async $$eval<R, A = undefined>(selector: string, fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R> {
    const list = await this.evaluateHandle(deepQuery, { sel: selector, mode: 'all' as QueryMode });
    try {
      return (await list.evaluate(fn, arg)) as R;
    } finally {
      await list.dispose();
    }
  }

  count(selector: string): Promise<number> {
    return this.$$eval(selector, (els) => els.length);
  }

  async textOf(selector: string): Promise<string> {
    const text = await this.$$eval(selector, (els) => (els[0] ? (els[0].textContent ?? '') : null));
    if (text === null) throw new Error(`textOf: no element matches '${selector}'`);
    return text;
  }

  async attr(selector: string, name: string): Promise<string | null> {
    const result = await this.$$eval(
      selector,
      (els, attrName) => (els[0] ? { value: els[0].getAttribute(attrName) } : null),
      name,
    );
    if (result === null) throw new Error(`attr: no element matches '${selector}'`);
    return result.value;
  }

  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await this.toFront();
    await this.rawScreenshot(path, options.fullPage ?? false);
  }

  onDialog(handler: (dialog: GtaDialog) => void | Promise<void>): void {
    this.dialogHandler = handler;
  }

  dialogs(): DialogInfo[] {
    return [...this.dialogLog];
  }

  consoleMessages(): ConsoleEntry[] {
    return [...this.consoleLog];
  }

  protected async handleDialog(dialog: {
    type(): string;
    message(): string;
    accept(text?: string): Promise<void>;
    dismiss(): Promise<void>;
  }): Promise<void> {
    const info = { type: dialog.type(), message: dialog.message() };
    this.dialogLog.push(info);
    let settled = false;
    const wrapped: GtaDialog = {
      ...info,
      accept: async (text?: string) => {
        settled = true;
        await dialog.accept(text);
      },
      dismiss: async () => {
        settled = true;
        await dialog.dismiss();
      },
    };
    try {
      if (this.dialogHandler) await this.dialogHandler(wrapped);
    } finally {
      // An unanswered dialog blocks the page forever (puppeteer): dismiss what the handler left.
      if (!settled) await dialog.dismiss().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.front.current === this) this.front.current = null;
    this.onClose(this);
    if (!this.isClosed()) await this.rawClose();
    this.closed = true;
  }

  isClosed(): boolean {
    return this.closed || this.rawIsClosed();
  }
}

export class PlaywrightGtaPage extends BasePage {
  readonly browserName = 'chromium' as const;

  constructor(
    readonly raw: PwPage,
    front: FrontTracker,
    onClose: (page: GtaPage) => void,
  ) {
    super(front, onClose);
    raw.on('console', (msg) => this.consoleLog.push({ type: msg.type(), text: msg.text() }));
    raw.on('pageerror', (error) => this.consoleLog.push({ type: 'pageerror', text: String(error) }));
    raw.on('dialog', (dialog) => void this.handleDialog(dialog));
  }

  url(): string {
    return this.raw.url();
  }

  protected async rawGoto(url: string, timeout: number): Promise<void> {
    await this.raw.goto(url, { waitUntil: 'load', timeout });
  }

  async reload(options: { timeout?: number } = {}): Promise<void> {
    await this.toFront();
    await this.raw.reload({ waitUntil: 'load', timeout: options.timeout ?? 30_000 });
  }

  async waitForNavigation(action: () => Promise<unknown>, options: { timeout?: number } = {}): Promise<void> {
    await this.toFront();
    const loaded = this.raw.waitForEvent('load', { timeout: options.timeout ?? 30_000 });
    await action();
    await loaded;
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as any, arg) as Promise<R>;
  }

  protected async rawWaitForFunction<R, A>(fn: (arg: A) => R | Promise<R>, arg: A, timeout: number): Promise<R> {
    const handle = await this.raw.waitForFunction(fn as any, arg, { timeout, polling: POLL_MS });
    const value = (await handle.jsonValue()) as R;
    await handle.dispose();
    return value;
  }

  protected evaluateHandle<A>(fn: (arg: A) => unknown, arg: A): Promise<any> {
    return this.raw.evaluateHandle(fn as any, arg);
  }

  protected async rawClick(handle: any): Promise<void> {
    await handle.click();
  }

  protected async keyboardType(text: string): Promise<void> {
    await this.raw.keyboard.type(text);
  }

  protected async keyboardPress(key: string): Promise<void> {
    await this.raw.keyboard.press(key);
  }

  protected async rawSetInputFiles(handle: any, filePaths: string[]): Promise<void> {
    await handle.setInputFiles(filePaths);
  }

  protected async rawScreenshot(path: string, fullPage: boolean): Promise<void> {
    await this.raw.screenshot({ path, fullPage });
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.raw.setViewportSize(size);
  }

  protected async rawBringToFront(): Promise<void> {
    await this.raw.bringToFront();
  }

  protected async rawClose(): Promise<void> {
    await this.raw.close();
  }

  protected rawIsClosed(): boolean {
    return this.raw.isClosed();
  }
}

const MODIFIERS = new Set(['Alt', 'Control', 'Shift', 'Meta', 'ControlOrMeta']);

export class PuppeteerGtaPage extends BasePage {
  readonly browserName = 'firefox' as const;
  /** BiDi sends no navigation events for moz-extension pages: remember where we sent the page. */
  private extensionUrl: string | null = null;

  constructor(
    readonly raw: PptrPage,
    front: FrontTracker,
    onClose: (page: GtaPage) => void,
  ) {
    super(front, onClose);
    raw.on('console', (msg) => this.consoleLog.push({ type: msg.type(), text: msg.text() }));
    raw.on('pageerror', (error) => this.consoleLog.push({ type: 'pageerror', text: String(error) }));
    raw.on('dialog', (dialog) => void this.handleDialog(dialog));
  }

  url(): string {
    const url = this.raw.url();
    return url === 'about:blank' && this.extensionUrl ? this.extensionUrl : url;
  }

  protected async rawGoto(url: string, timeout: number): Promise<void> {
    this.extensionUrl = url.startsWith('moz-extension:') ? url : null;
    if (url.startsWith('moz-extension:')) {
      // Over BiDi the load event of an extension page never reaches puppeteer: start the navigation
      // and watch the document instead.
      this.raw.goto(url, { timeout }).catch(() => undefined);
      await this.waitForDocument(url, timeout);
      return;
    }
    await this.raw.goto(url, { waitUntil: 'load', timeout });
  }

  /** Polls until the page shows `url` (ignoring the fragment) fully loaded; survives the navigation. */
  private async waitForDocument(url: string, timeout: number): Promise<void> {
    const wanted = url.split('#')[0];
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const state = await this.raw
        .evaluate(() => [location.href.split('#')[0], document.readyState])
        .catch(() => null);
      if (state && state[0] === wanted && state[1] === 'complete') return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`timed out after ${timeout} ms loading ${url}`);
  }

  async reload(options: { timeout?: number } = {}): Promise<void> {
    await this.toFront();
    const url = this.raw.url();
    if (url.startsWith('moz-extension:')) {
      this.raw.reload().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await this.waitForDocument(url, options.timeout ?? 30_000);
      return;
    }
    await this.raw.reload({ waitUntil: 'load', timeout: options.timeout ?? 30_000 });
  }

  async waitForNavigation(action: () => Promise<unknown>, options: { timeout?: number } = {}): Promise<void> {
    await this.toFront();
    const navigated = this.raw.waitForNavigation({ waitUntil: 'load', timeout: options.timeout ?? 30_000 });
    await action();
    await navigated;
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as any, arg) as Promise<R>;
  }

  protected async rawWaitForFunction<R, A>(fn: (arg: A) => R | Promise<R>, arg: A, timeout: number): Promise<R> {
    const handle = await this.raw.waitForFunction(fn as any, { timeout, polling: POLL_MS }, arg);
    const value = (await handle.jsonValue()) as R;
    await handle.dispose();
    return value;
  }

  protected evaluateHandle<A>(fn: (arg: A) => unknown, arg: A): Promise<any> {
    return this.raw.evaluateHandle(fn as any, arg);
  }

  protected async rawClick(handle: any): Promise<void> {
    await handle.click();
  }

  protected async keyboardType(text: string): Promise<void> {
    await this.raw.keyboard.type(text);
  }

  /** Playwright-style combinations ('Alt+Shift+S') on puppeteer's down/press/up. */
  protected async keyboardPress(key: string): Promise<void> {
    const parts = key === '+' ? ['+'] : key.split('+').filter(Boolean);
    const main = parts.pop() as string;
    const mods = parts.map((m) => (m === 'ControlOrMeta' ? 'Control' : m));
    for (const mod of mods) {
      if (!MODIFIERS.has(mod)) throw new Error(`press: unknown modifier '${mod}' in '${key}'`);
      await this.raw.keyboard.down(mod as any);
    }
    try {
      await this.raw.keyboard.press(main as any);
    } finally {
      for (const mod of mods.reverse()) await this.raw.keyboard.up(mod as any);
    }
  }

  protected async rawSetInputFiles(handle: any, filePaths: string[]): Promise<void> {
    await handle.uploadFile(...filePaths);
  }

  protected async rawScreenshot(path: string, fullPage: boolean): Promise<void> {
    await this.raw.screenshot({ path: path as `${string}.png`, fullPage });
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.raw.setViewport(size);
  }

  protected async rawBringToFront(): Promise<void> {
    await this.raw.bringToFront();
  }

  protected async rawClose(): Promise<void> {
    await this.raw.close();
  }

  protected rawIsClosed(): boolean {
    return this.raw.isClosed();
  }
}
