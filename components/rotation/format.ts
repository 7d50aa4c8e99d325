/** Small shared helpers for the rotation's popup and options UI (extension pages). */
import { browser } from 'wxt/browser';
import { STORED, watchItems } from '../../utils/storage-items';
import { ago } from '../../utils/rotation/duty-view';
import type { RotationStatusView } from '../../utils/messages/rotation';
import type { SourceFormat } from '../../utils/rotation/types';

export const FORMAT_NAMES: Record<SourceFormat, string> = {
  ics: 'iCal feed',
  'twiki-tml': 'TWiki topic (raw text)',
  'twiki-html': 'TWiki page (table)',
  json: 'JSON file',
};

/** "Tue 10 Feb 2026, 09:00 (3 hours ago)" in the browser's own zone. */
export function when(ms: number, now = Date.now()): string {
  const text = new Date(ms).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${text} (${ago(ms, now)})`;
}

export function lastGoodText(status: RotationStatusView, now = Date.now()): string {
  if (status.lastGoodAt === null) return status.configured ? 'Never synced successfully.' : 'No rotation source configured.';
  const format = status.format ? `, ${FORMAT_NAMES[status.format]}` : '';
  return `Last good sync: ${when(status.lastGoodAt, now)} — ${status.weekCount} week${status.weekCount === 1 ? '' : 's'}${format}.`;
}

/** Saves text as a file from an extension page. */
export function downloadText(filename: string, text: string, type = 'text/calendar'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Re-runs `callback` whenever the rotation service publishes a new state or the settings change. */
export function watchRotation(callback: () => void): () => void {
  return watchItems(browser.storage, [STORED.rotationCache, STORED.settingsLocal, STORED.settingsSnapshot], callback);
}
