// @vitest-environment happy-dom
/**
 * Finding 6 ("unsaved edits lost"), the hook's part: a draft with edits outlives a reload of the
 * options page (kept in the page's sessionStorage), the page warns before closing while a section has
 * edits, and edits typed while a save runs are not replaced by what that save stored.
 */
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { DraftStorageContext } from '../../../../components/options/draft-storage';
import { useSectionDraft, type SaveSettings } from '../../../../components/options/use-section-draft';
import type { LoadedSettings } from '../../../../services/settings-store';
import { defaultSettings, type Settings } from '../../../../utils/settings';
import { loadDeferred } from '../../../../components/options/use-deferred';

interface Draft {
  name: string;
  aliases: string[];
}
const read = (s: Settings): Draft => ({ name: s.identity.name, aliases: [...s.identity.aliases] });
const write = (d: Draft, s: Settings): Settings => ({ ...s, identity: { ...s.identity, name: d.name, aliases: d.aliases } });
const PART = { identity: true } as const;

const named = (name: string): Settings => {
  const s = defaultSettings();
  s.identity.name = name;
  return s;
};
const okSave = (): SaveSettings => vi.fn(async (change) => ({ settings: change(defaultSettings()) }));
const wrapper = ({ children }: { children: ComponentChildren }) => <DraftStorageContext.Provider value={sessionStorage}>{children}</DraftStorageContext.Provider>;

function mount(settings: Settings, save: SaveSettings = okSave(), persist = 'test') {
  return renderHook((props: { settings: Settings }) => useSectionDraft({ settings: props.settings, save, read, write, part: PART, persist }), {
    initialProps: { settings },
    wrapper,
  });
}

function beforeUnloadCancelled(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

// The page's second script (store, validator) comes with import(), a moment after the first frame:
// loaded up front here, as it is by the time anyone clicks on the page.
beforeAll(() => loadDeferred());
beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('a draft with unsaved edits', () => {
  it('survives a reload of the page (unmount, mount again)', () => {
    const first = mount(named('Alain Roy'));
    act(() => first.result.current.setDraft({ name: 'Alain R.', aliases: ['Alain'] }));
    first.unmount();
    const again = mount(named('Alain Roy'));
    expect(again.result.current.draft).toEqual({ name: 'Alain R.', aliases: ['Alain'] });
    expect(again.result.current.dirty).toBe(true);
    expect(again.result.current.changedElsewhere).toBe(false);
  });

  it('after a reload, says so when the stored values changed meanwhile, and can take them', () => {
    const first = mount(named('Alain Roy'));
    act(() => first.result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    first.unmount();
    const again = mount(named('Brian Lin'));
    expect(again.result.current.draft.name).toBe('Alain R.');
    expect(again.result.current.changedElsewhere).toBe(true);
    act(() => again.result.current.discard());
    expect(again.result.current.draft.name).toBe('Brian Lin');
    again.unmount();
    // Taken: nothing is kept any more.
    expect(mount(named('Brian Lin')).result.current.dirty).toBe(false);
  });

  it('is not kept once saved, nor when the edits are undone by hand', async () => {
    const first = mount(named('Alain Roy'));
    act(() => first.result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    await act(async () => {
      await first.result.current.commit();
    });
    expect(first.result.current.status).toEqual({ ok: true, text: 'Saved.' });
    first.rerender({ settings: named('Alain R.') });
    expect(sessionStorage.length).toBe(0);
    first.unmount();
    expect(mount(named('Alain R.')).result.current.dirty).toBe(false);
    cleanup();
    const second = mount(named('Alain Roy'));
    act(() => second.result.current.setDraft({ name: 'x', aliases: [] }));
    act(() => second.result.current.setDraft({ name: 'Alain Roy', aliases: [] }));
    second.unmount();
    expect(sessionStorage.length).toBe(0);
  });

  it('ignores a kept draft of another shape, of another version of the extension, or corrupt', () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'GTA', version: '1.4.0' });
    const first = mount(named('Alain Roy'));
    act(() => first.result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    first.unmount();
    const kept = JSON.parse(sessionStorage.getItem('gta-options-draft:test')!) as Record<string, unknown>;
    expect(kept.version).toBe('1.4.0');
    const stored = { name: 'Alain Roy', aliases: [] };
    for (const bad of [{ ...kept, draft: { name: 5 } }, { ...kept, base: { name: 'x', aliases: 'x' } }, { ...kept, version: '1.3.0' }, '{not json']) {
      sessionStorage.setItem('gta-options-draft:test', typeof bad === 'string' ? bad : JSON.stringify(bad));
      expect(mount(named('Alain Roy')).result.current.draft).toEqual(stored);
      cleanup();
    }
    sessionStorage.setItem('gta-options-draft:test', JSON.stringify(kept));
    expect(mount(named('Alain Roy')).result.current.draft).toEqual({ name: 'Alain R.', aliases: [] });
  });

  it('is kept per section (the id), and not at all without a page store', () => {
    const first = mount(named('Alain Roy'), okSave(), 'one');
    act(() => first.result.current.setDraft({ name: 'One', aliases: [] }));
    first.unmount();
    expect(mount(named('Alain Roy'), okSave(), 'two').result.current.draft.name).toBe('Alain Roy');
    cleanup();
    sessionStorage.clear();
    const bare = renderHook(() => useSectionDraft({ settings: named('Alain Roy'), save: okSave(), read, write, part: PART, persist: 'bare' }));
    act(() => bare.result.current.setDraft({ name: 'Bare', aliases: [] }));
    expect(sessionStorage.length).toBe(0);
  });

  it('survives a failed save (quota) and a reload after it', async () => {
    const save: SaveSettings = vi.fn(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const first = mount(named('Alain Roy'), save);
    act(() => first.result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    await act(async () => {
      await first.result.current.commit();
    });
    expect(first.result.current.status).toEqual({ ok: false, text: 'Not saved: the settings could not be stored (QUOTA_BYTES quota exceeded).' });
    expect(first.result.current.draft.name).toBe('Alain R.');
    first.unmount();
    expect(mount(named('Alain Roy')).result.current.draft.name).toBe('Alain R.');
  });
});

describe('closing the page', () => {
  it('warns (beforeunload) only while a section has unsaved edits', async () => {
    const { result, rerender } = mount(named('Alain Roy'));
    expect(beforeUnloadCancelled()).toBe(false);
    act(() => result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    expect(beforeUnloadCancelled()).toBe(true);
    await act(async () => {
      await result.current.commit();
    });
    // The page then shows what the save stored.
    rerender({ settings: named('Alain R.') });
    expect(result.current.dirty).toBe(false);
    expect(beforeUnloadCancelled()).toBe(false);
  });
});

describe('edits typed while a save runs', () => {
  it('are kept, and the section says they are not saved yet', async () => {
    let finish!: () => void;
    const save: SaveSettings = vi.fn(
      (change) =>
        new Promise<LoadedSettings>((resolve) => {
          finish = () => resolve({ settings: change(defaultSettings()) });
        }),
    );
    const { result, rerender } = mount(named('Alain Roy'), save);
    act(() => result.current.setDraft({ name: 'Alain R.', aliases: [] }));
    let saved!: Promise<boolean>;
    act(() => {
      saved = result.current.commit();
    });
    act(() => result.current.setDraft({ name: 'Alain R. (OSG)', aliases: [] }));
    await act(async () => {
      finish();
      await saved;
    });
    // The page then shows what the save stored.
    rerender({ settings: named('Alain R.') });
    expect(result.current.draft.name).toBe('Alain R. (OSG)');
    expect(result.current.dirty).toBe(true);
    expect(result.current.changedElsewhere).toBe(false);
    expect(result.current.status?.text).toMatch(/^Saved\. .*newer edits are not saved yet/);
    await waitFor(() => expect(beforeUnloadCancelled()).toBe(true));
  });
});

describe('values changed elsewhere', () => {
  it('to exactly the draft’s values: nothing to warn about', () => {
    const { result, rerender } = mount(named('Alain Roy'));
    act(() => result.current.setDraft({ name: 'Brian Lin', aliases: [] }));
    rerender({ settings: named('Brian Lin') });
    expect(result.current.changedElsewhere).toBe(false);
    expect(result.current.dirty).toBe(false);
  });
});
