/**
 * The real rotation service registered on WXT's fake browser (messages and all), fetching a
 * scripted JSON rotation: for the popup's and options page's rotation tests.
 */
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRotationService } from '../../../services/rotation/service';
import { saveSettings } from '../../../services/settings-store';
import { rotationDb } from '../../../utils/db/rotation-db';
import { STORED } from '../../../utils/storage-items';
import { onMessage } from '../../../utils/messages';

export const ROTATION_SOURCE = 'https://ticket.opensciencegrid.org/rotation/rotation.json';
export const ROTATION_JSON = JSON.stringify([
  { week: '2026-02-09', person: 'Alain Roy' },
  { week: '2026-02-16', person: 'Mat Selmeci' },
  { week: '2026-02-23', person: 'Brian Lin' },
]);

/** What the scripted source answers next (tests change it between syncs). */
export const rotationSource = { body: ROTATION_JSON, status: 200 };

const unsubscribe: (() => void)[] = [];

export function wireRotationBackground() {
  const svc = createRotationService({
    isFirefox: false,
    hasOriginPermission: async () => true,
    fetch: (async () =>
      new Response(rotationSource.body, { status: rotationSource.status, headers: { 'content-type': 'application/json' } })) as typeof fetch,
  });
  unsubscribe.push(
    onMessage('getDuty', () => svc.getDuty()),
    onMessage('syncRotationNow', () => svc.sync('requested')),
    onMessage('getRotationStatus', () => svc.getStatus()),
    onMessage('getRotationWeeks', ({ data }) => svc.getWeeks(data?.from, data?.limit)),
    onMessage('exportIcs', () => svc.exportIcs()),
  );
  return svc;
}

/** Removes the message handlers and resets the scripted source. */
export function unwireRotationBackground(): void {
  for (const off of unsubscribe.splice(0)) off();
  rotationSource.body = ROTATION_JSON;
  rotationSource.status = 200;
}

/** A fresh browser and rotation store, Tuesday 2026-02-10 as the rotation's clock, Alain Roy using the scripted source. */
export async function resetRotationState(): Promise<void> {
  fakeBrowser.reset();
  const db = rotationDb();
  await db.open();
  await Promise.all([db.weeks.clear(), db.status.clear()]);
  // The test clock counts (debug.hooksAllowed: a development install).
  await browser.storage.local.set({ [STORED.debugRotationNow.key]: '2026-02-10T15:00:00Z', [STORED.debugHooksAllowed.key]: true });
  await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: ROTATION_SOURCE } });
}
