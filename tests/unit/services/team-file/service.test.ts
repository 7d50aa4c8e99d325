/** services/team-file over WXT's fakeBrowser: sync, last good kept, overrides, URL cleared. */
import { fakeBrowser } from 'wxt/testing';
import { applyTeamFile, dropTeamOverride, loadSettings, saveSettings, updateSettings } from '../../../../services/settings-store';
import { createTeamFileService } from '../../../../services/team-file/service';
import { getItem, STORED } from '../../../../utils/storage-items';

const URL_ = 'https://ticket.opensciencegrid.org/team/team.json';
const ME = { name: 'Carl Edquist', email: 'carl.edquist@wisc.example.edu', footprintsId: 'edquist', aliases: [] };
const FILE = {
  identity: { name: 'Tim Cartwright', email: 'tim.cartwright@wisc.example.edu' },
  signature: '--\n{name}\nlead',
  notifications: { newTicket: 'never', dutyReminder: false, middayNudge: false },
  team: [{ name: 'Brian Lin' }],
  snippets: [{ name: 'Team snippet', text: 'Hi {submitter}' }],
  queue: { staleDays: 5 },
};

let body: () => Response;
let clock = 1_000;
function service() {
  return createTeamFileService({
    storage: fakeBrowser.storage,
    fetch: async () => body(),
    hasOriginPermission: async () => true,
    settings: async () => (await loadSettings()).settings,
    apply: applyTeamFile,
    ensureAlarm: async () => undefined,
    now: () => clock,
  });
}
const json = (v: unknown) => () => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000;
  await saveSettings({ identity: ME, signature: '-- \n{name}', notifications: { newTicket: 'always' }, teamFile: { url: URL_ } });
});

it('a good sync takes the team keys only; a broken file keeps the last good and says when it was', async () => {
  body = json(FILE);
  const s = service();
  const good = await s.sync('test');
  expect(good).toMatchObject({ error: null, syncedAt: 1_000, url: URL_ });
  let { settings } = await loadSettings();
  expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin']);
  expect(settings.queue.staleDays).toBe(5);
  expect(settings.identity).toEqual(ME);
  expect(settings.signature).toBe('-- \n{name}');
  expect(settings.notifications.newTicket).toBe('always');

  for (const broken of [() => new Response('oops', { status: 500 }), () => new Response('{"team": [', { status: 200 }), json({ team: [{ role: 'lead' }] })]) {
    clock += 1_000;
    body = broken;
    const state = await s.sync('test');
    expect(state.error).toBeTruthy();
    expect(state.syncedAt).toBe(1_000);
    expect(state.errorAt).toBe(clock);
    expect(state.values).toEqual(good.values);
    expect((await loadSettings()).settings).toEqual(settings);
  }
  ({ settings } = await loadSettings());
  expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin']);
});

it('a user edit of a team key is kept across a changed file; dropping it takes the new team value', async () => {
  body = json(FILE);
  const s = service();
  await s.sync('test');
  await updateSettings((c) => ({ ...c, snippets: [{ name: 'Mine', text: 'Hello' }] }));
  expect(await getItem(fakeBrowser.storage, STORED.teamFileOverrides)).toEqual({ snippets: [{ name: 'Mine', text: 'Hello' }] });

  body = json({ ...FILE, team: [{ name: 'Brian Lin' }, { name: 'Jeff Dost' }], snippets: [...FILE.snippets, { name: 'New', text: 'x' }] });
  const state = await s.sync('test');
  let { settings } = await loadSettings();
  expect(settings.snippets.map((x) => x.name)).toEqual(['Mine']);
  expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin', 'Jeff Dost']);
  expect(state.changes.find((l) => l.area === 'roster')?.text).toBe('+1 person');
  expect(state.changes.find((l) => l.area === 'snippets')).toMatchObject({ text: '+1 snippet', overridden: true });

  await dropTeamOverride('snippets');
  ({ settings } = await loadSettings());
  expect(settings.snippets.map((x) => x.name)).toEqual(['Team snippet', 'New']);
  expect(await getItem(fakeBrowser.storage, STORED.teamFileOverrides)).toEqual({});
});

it('clearing the URL forgets the file and the overrides, and keeps the values', async () => {
  body = json(FILE);
  const s = service();
  await s.sync('test');
  await updateSettings((c) => ({ ...c, queue: { ...c.queue, staleDays: 9 } }));
  await updateSettings((c) => ({ ...c, teamFile: { url: '' } }));
  await s.sync('test');
  expect(await getItem(fakeBrowser.storage, STORED.teamFileState)).toMatchObject({ values: null, syncedAt: null });
  expect(await getItem(fakeBrowser.storage, STORED.teamFileOverrides)).toEqual({});
  const { settings } = await loadSettings();
  expect(settings.queue.staleDays).toBe(9);
  expect(settings.team.map((m) => m.name)).toEqual(['Brian Lin']);
});
