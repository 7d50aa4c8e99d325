/**
 * The "What's new" line an update left (services/welcome.ts stores it), with a Dismiss button that
 * clears it for good. Renders nothing when there is no line (a fresh install never has one).
 * Mounted at the top of the options page; small enough for the popup's footer too.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getItem, setItem, STORED, watchItems, type StorageLike } from '../../utils/storage-items';
import type { WhatsNewNotice } from '../../utils/whats-new';
import './whats-new.css';

export interface WhatsNewLineProps {
  /** Defaults to `browser.storage`. */
  store?: StorageLike;
  /** Extra class names (e.g. the popup's footer layout). */
  class?: string;
  /** The stored line when the page already read it (no shift after the first paint); read here otherwise. */
  initial?: WhatsNewNotice | null;
}

export function WhatsNewLine({ store = browser.storage, class: extra, initial }: WhatsNewLineProps) {
  const [notice, setNotice] = useState<WhatsNewNotice | null>(initial ?? null);

  useEffect(() => {
    let live = true;
    const load = () => void getItem(store, STORED.whatsNewNotice).then((n) => live && setNotice(n), () => undefined);
    if (initial === undefined) load();
    // Dismissed in another window (the popup, another options tab): hide here too.
    const stop = watchItems(store, [STORED.whatsNewNotice], load);
    return () => {
      live = false;
      stop();
    };
  }, [store]);

  if (!notice) return null;

  const dismiss = () => {
    setNotice(null);
    void setItem(store, STORED.whatsNewNotice, null).catch(() => undefined);
  };

  return (
    <div class={`gta-whats-new${extra ? ` ${extra}` : ''}`} data-gta="whats-new" data-gta-version={notice.version}>
      <div class="gta-whats-new-text">
        <strong>New in {notice.version}:</strong>{' '}
        {notice.lines.length === 1 ? (
          notice.lines[0]
        ) : (
          <ul>
            {notice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" class="gta-whats-new-dismiss" data-gta="whats-new-dismiss" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
