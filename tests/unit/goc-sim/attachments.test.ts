// @vitest-environment node
/** The simulator's attachment routes (docs/goc-pages.md §9): the JSON list, the upload widget's handler, the download. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type TicketJson } from '../../goc-sim/server.mjs';

let sim: Simulator;
const NOW = Date.parse('2026-03-04T15:27:00Z');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.control('/__sim/reset', {});
});

const get = (path: string, init: RequestInit = {}) => fetch(`${sim.origin}${path}`, { redirect: 'manual', ...init });
async function login(user: string) {
  const res = await get(`/__sim/login?user=${user}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
const tickets = () => sim.control<TicketJson[]>('/__sim/tickets');
const withAttachments = async () => (await tickets()).filter((t) => t.tags.includes('attachments'));
const names = async (id: number) => (await sim.control<TicketJson>(`/__sim/tickets/${id}`)).attachments.map((a) => a.name);

interface ListedFile {
  id: number;
  name: string;
  size: number;
  url: string;
  delete_url: string;
  delete_type: string;
  date: string;
  thumbnail_url?: string;
}

describe('attachments', () => {
  it('seeds at least two tickets with attachments, tagged `attachments`', async () => {
    const ts = await withAttachments();
    expect(ts.length).toBeGreaterThanOrEqual(2);
    for (const t of ts) expect(t.attachments.length).toBeGreaterThanOrEqual(2);
  });

  it('attachment/list answers the real JSON array, under / and /goc', async () => {
    const [t] = await withAttachments();
    for (const base of ['', '/goc']) {
      const res = await get(`${base}/attachment/list?id=${t.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const files = (await res.json()) as ListedFile[];
      expect(files.map((f) => f.name)).toEqual(t.attachments.map((a) => a.name));
      const f = files[0];
      expect(f).toMatchObject({ id: t.id, size: t.attachments[0].size, date: t.attachments[0].date, delete_type: 'DELETE' });
      expect(f.url).toBe(`attachment/view?id=${t.id}&file=${encodeURIComponent(f.name)}`);
      expect(f.delete_url).toBe(`attachment/handler?id=${t.id}&file=${encodeURIComponent(f.name)}`);
    }
    expect(await (await get('/attachment/list?id=999999')).json()).toEqual([]);
  });

  it('hides a Security ticket\'s files from people who may not see it', async () => {
    const [sec] = (await tickets()).filter((t) => t.tags.includes('security'));
    sim.state.ticket(sec.id)!.attachments = [{ name: 'forensics.txt', size: 10, date: '2026-03-01' }];
    expect(await (await get(`/attachment/list?id=${sec.id}`)).json()).toEqual([]);
    const kagross = await login('kagross');
    const list = (await (await get(`/attachment/list?id=${sec.id}`, { headers: { cookie: kagross } })).json()) as ListedFile[];
    expect(list.map((f) => f.name)).toEqual(['forensics.txt']);
  });

  it('DELETE attachment/handler removes one file for an editor; the control API and the post log show it', async () => {
    const [t] = await withAttachments();
    const [first, second] = t.attachments.map((a) => a.name);
    const cookie = await login('aroy');
    const res = await get(`/attachment/handler?id=${t.id}&file=${encodeURIComponent(first)}`, { method: 'DELETE', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ [first]: true });
    expect(await names(t.id)).toEqual([second]);
    const log = await sim.control<{ route: string; id: number; deleted?: number; fields: { file: string } }[]>(`/__sim/updates?id=${t.id}`);
    expect(log).toEqual([expect.objectContaining({ route: 'attachment/handler', deleted: 1, fields: { file: first } })]);
  });

  it('refuses to delete for guests and read-only viewers (401), leaving the files', async () => {
    const [t] = await withAttachments();
    const file = encodeURIComponent(t.attachments[0].name);
    expect((await get(`/attachment/handler?id=${t.id}&file=${file}`, { method: 'DELETE' })).status).toBe(401);
    const viewer = await login('viewer1');
    expect(viewer).toMatch(/=/);
    expect((await get(`/attachment/handler?id=${t.id}&file=${file}`, { method: 'DELETE', headers: { cookie: viewer } })).status).toBe(401);
    expect(await names(t.id)).toEqual(t.attachments.map((a) => a.name));
  });

  it('POST attachment/handler (multipart files[]) adds files and answers { files: [...] }', async () => {
    const [t] = await withAttachments();
    const cookie = await login('aroy');
    const body = new FormData();
    body.append('files[]', new Blob(['hello world']), 'notes.txt');
    const res = await get(`/attachment/handler?id=${t.id}`, { method: 'POST', body, headers: { cookie } });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { files: ListedFile[] };
    expect(out.files).toEqual([expect.objectContaining({ name: 'notes.txt', size: 11, date: '2026-03-04' })]);
    expect(await names(t.id)).toEqual([...t.attachments.map((a) => a.name), 'notes.txt']);
    const view = await get(`/attachment/view?id=${t.id}&file=notes.txt`, { headers: { cookie } });
    expect(view.status).toBe(200);
    expect((await get(`/attachment/view?id=${t.id}&file=nope.txt`)).status).toBe(404);
  });

  it('serves an image attachment\u2019s thumbnail (the editor rows show it)', async () => {
    const t = (await withAttachments()).find((x) => x.attachments.some((a) => a.name.endsWith('.png')))!;
    const files = (await (await get(`/attachment/list?id=${t.id}`)).json()) as ListedFile[];
    const png = files.find((f) => f.thumbnail_url)!;
    const res = await get(`/${png.thumbnail_url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await get(`/attachment/thumb?id=${t.id}&file=nope.png`)).status).toBe(404);
  });
});

describe('slow assets (a slow CDN holding the page\'s load event back)', () => {
  it('`/<id>?slow=<ms>` adds an image that the asset route serves `?slow=<ms>` late', async () => {
    const [t] = await withAttachments();
    const html = await (await get(`/${t.id}?slow=400`)).text();
    expect(html).toContain('<img src="images/tag_orange.png?slow=400" alt="" width="1" height="1"/>');
    expect(await (await get(`/${t.id}`)).text()).not.toContain('?slow=');
    const started = Date.now();
    const res = await get('/images/tag_orange.png?slow=400');
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });
});
