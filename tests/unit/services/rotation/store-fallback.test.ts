/**
 * When IndexedDB cannot be used (Firefox with history disabled, a broken profile), the rotation is
 * kept in storage.local instead, the status says so, and a failed sync still loses nothing.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../../../../services/settings-store';
import { createRotationService } from '../../../../services/rotation/service';

vi.mock('../../../../utils/db/rotation-db', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../utils/db/rotation-db')>();
  return {
    ...original,
    rotationDb: () => {
      throw new Error('InvalidStateError: IndexedDB is not available');
    },
  };
});

const SOURCE = 'https://ticket.opensciencegrid.org/rotation/rotation.json';
let status = 200;

function service() {
  return createRotationService({
    clock: () => Date.parse('2026-02-10T15:00:00Z'),
    isFirefox: true,
    hasOriginPermission: async () => true,
    fetch: (async () =>
      new Response(JSON.stringify([{ week: '2026-02-09', person: 'Alain Roy' }]), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  status = 200;
  await saveSettings({ identity: { name: 'Alain Roy' }, rotation: { source: SOURCE } });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('rotation storage without IndexedDB', () => {
  it('keeps the rotation in storage.local and says so', async () => {
    const svc = service();
    const good = await svc.sync('first');
    expect(good).toMatchObject({ storage: 'storage.local', weekCount: 1, error: null });
    status = 500;
    const bad = await svc.sync('second');
    expect(bad).toMatchObject({ storage: 'storage.local', weekCount: 1 });
    expect(bad.error).toMatch(/HTTP 500/);
    expect((await svc.getDuty()).view.duty).toBe('Alain Roy');
  });
});
