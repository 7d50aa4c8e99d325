// @vitest-environment happy-dom
/**
 * New Update drafts on a hand-written editor page with the fake extension storage: typing is kept
 * (debounced, and at once on submit), a later load offers it, Restore never overwrites, Discard
 * drops it, an update that shows the text clears it, and a failed write says so.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountUpdateDraft } from '../../../../features/update-draft';
import { detectPage } from '../../../../utils/goc/page';
import { getItem, setItem, STORED, type StorageLike } from '../../../../utils/storage-items';
import { editorPage, type PageUpdate } from '../../helpers/ticket-pages';

const OFFER = '[data-gta="draft-restore"]';
const T = Date.UTC(2026, 11, 1, 15);
let clock = T;
const now = () => clock;

function load(updates: PageUpdate[] = [{ datetime: '2026-11-30T10:00:00+00:00', by: 'Jane Smith', bodyHtml: 'CE jobs held since Monday.' }]) {
  document.open();
  document.write(editorPage({ id: 555, title: 'CE jobs held', user: 'Alain Roy', submitterName: 'Jane Smith', submitterEmail: 'jane@example.edu', checklist: [], updates }));
  document.close();
  const ctx = new ContentScriptContext('test');
  return { doc: document, ctx, env: { document, ctx, page: detectPage(document, new URL('https://ticket.opensciencegrid.org/555')) } };
}

const box = () => document.querySelector('textarea.description') as HTMLTextAreaElement;
function type(text: string) {
  box().value = text;
  box().dispatchEvent(new Event('input', { bubbles: true }));
}
const stored = async () => Object.values(await getItem(fakeBrowser.storage, STORED.updateDrafts)).map((d) => d.text);
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  fakeBrowser.reset();
  clock = T;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

async function typedThenReopened(text: string, updates?: PageUpdate[]) {
  const first = load();
  await mountUpdateDraft(first.env, fakeBrowser.storage, now);
  type(text);
  await vi.advanceTimersByTimeAsync(499);
  expect(await stored()).toEqual([]);
  await vi.advanceTimersByTimeAsync(1);
  expect(await stored()).toEqual([text]);
  first.ctx.abort();
  clock += 60_000;
  const again = load(updates);
  await mountUpdateDraft(again.env, fakeBrowser.storage, now);
  return again;
}

describe('New Update drafts', () => {
  it('keeps typing after 500 ms and offers it on the next load, without filling the box', async () => {
    await typedThenReopened('Please try the new RPM.');
    expect(box().value).toBe('');
    const offer = document.querySelector(OFFER)!;
    expect(offer.textContent).toContain('Restore your unsent update (saved ');
    expect(offer.querySelector('[data-gta="draft-text"]')!.textContent).toBe('Please try the new RPM.');
    expect(offer.nextElementSibling).toBe(box());
  });

  it('Restore fills an empty box; the text is then kept once, under this load', async () => {
    await typedThenReopened('Line 1\nLine 2');
    (document.querySelector(`${OFFER} [data-gta-choice="restore"]`) as HTMLButtonElement).click();
    expect(box().value).toBe('Line 1\nLine 2');
    expect(document.querySelector(OFFER)).toBeNull();
    await settle();
    expect(await stored()).toEqual(['Line 1\nLine 2']);
  });

  it('Restore adds below text already in the box, never over it', async () => {
    await typedThenReopened('Earlier draft');
    type('New text');
    (document.querySelector(`${OFFER} [data-gta-choice="restore"]`) as HTMLButtonElement).click();
    expect(box().value).toBe('New text\n\nEarlier draft');
    await settle();
    expect(await stored()).toEqual(['New text\n\nEarlier draft']);
  });

  it('Discard drops it for good', async () => {
    await typedThenReopened('Not needed');
    (document.querySelector(`${OFFER} [data-gta-choice="discard"]`) as HTMLButtonElement).click();
    await settle();
    expect(await stored()).toEqual([]);
    load();
    await mountUpdateDraft({ document, ctx: new ContentScriptContext('t'), page: detectPage(document, new URL('https://ticket.opensciencegrid.org/555')) }, fakeBrowser.storage, now);
    expect(document.querySelector(OFFER)).toBeNull();
  });

  it('submit keeps the text at once; when the next load shows it in a newer update, it is dropped', async () => {
    const first = load();
    await mountUpdateDraft(first.env, fakeBrowser.storage, now);
    box().value = 'Fixed in 3.6.1';
    document.querySelector('form#ticket_form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(await stored()).toEqual(['Fixed in 3.6.1']);
    first.ctx.abort();
    load([
      { datetime: '2026-12-01T15:01:00+00:00', by: 'Alain Roy', bodyHtml: 'Fixed in 3.6.1\n\n-- Alain' },
      { datetime: '2026-11-30T10:00:00+00:00', by: 'Jane Smith', bodyHtml: 'CE jobs held since Monday.' },
    ]);
    await mountUpdateDraft({ document, ctx: new ContentScriptContext('t'), page: detectPage(document, new URL('https://ticket.opensciencegrid.org/555')) }, fakeBrowser.storage, now);
    expect(document.querySelector(OFFER)).toBeNull();
    await settle();
    expect(await stored()).toEqual([]);
  });

  it('the same words in an update that was already there do not clear it', async () => {
    await typedThenReopened('CE jobs held since Monday.');
    expect(document.querySelector(OFFER)).not.toBeNull();
  });

  it('a draft of another ticket, or an expired one, is not offered', async () => {
    await setItem(fakeBrowser.storage, STORED.updateDrafts, {
      a: { ticket: 777, text: 'Other ticket', savedAt: T - 1000, since: 0 },
      b: { ticket: 555, text: 'Too old', savedAt: T - 31 * 86_400_000, since: 0 },
    });
    const page = load();
    await mountUpdateDraft(page.env, fakeBrowser.storage, now);
    expect(document.querySelector(OFFER)).toBeNull();
  });

  it('text the browser put back in the box is not offered again; this load carries it on', async () => {
    const first = load();
    await mountUpdateDraft(first.env, fakeBrowser.storage, now);
    type('Half written');
    await vi.advanceTimersByTimeAsync(500);
    first.ctx.abort();
    load();
    box().value = 'Half written'; // Firefox restores form text on reload, without an input event
    await mountUpdateDraft({ document, ctx: new ContentScriptContext('t'), page: detectPage(document, new URL('https://ticket.opensciencegrid.org/555')) }, fakeBrowser.storage, now);
    expect(document.querySelector(OFFER)).toBeNull();
    await settle();
    const kept = Object.entries(await getItem(fakeBrowser.storage, STORED.updateDrafts));
    expect(kept.map(([, d]) => d.text)).toEqual(['Half written']);
  });

  it('the text of a sent update left in the box (Firefox after the save) is not kept as a draft', async () => {
    const first = load();
    await mountUpdateDraft(first.env, fakeBrowser.storage, now);
    box().value = 'Sent words';
    document.querySelector('form#ticket_form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    first.ctx.abort();
    load([{ datetime: '2026-12-01T15:01:00+00:00', by: 'Alain Roy', bodyHtml: 'Sent words' }]);
    box().value = 'Sent words';
    const ctx = new ContentScriptContext('t');
    await mountUpdateDraft({ document, ctx, page: detectPage(document, new URL('https://ticket.opensciencegrid.org/555')) }, fakeBrowser.storage, now);
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(await stored()).toEqual([]);
    expect(document.querySelector(OFFER)).toBeNull();
  });

  it('a failed write says so beside the box', async () => {
    const broken: StorageLike = {
      ...fakeBrowser.storage,
      local: { ...fakeBrowser.storage.local, get: fakeBrowser.storage.local.get, set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
    } as unknown as StorageLike;
    const page = load();
    await mountUpdateDraft(page.env, broken, now);
    type('Important words');
    await vi.advanceTimersByTimeAsync(500);
    const status = document.querySelector('[data-gta="draft-status"]')!;
    expect(status.textContent).toContain('Could not keep a copy of this update');
    expect(status.textContent).toContain('QUOTA_BYTES');
    expect(box().value).toBe('Important words');
  });
});
