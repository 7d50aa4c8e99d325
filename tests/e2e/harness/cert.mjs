/**
 * A self-signed certificate for the GOC host names, generated once and cached in os.tmpdir()
 * (RSA generation costs ~100 ms-1 s on a slow machine; every e2e worker and the demo reuse it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

import { SIM_HOSTS } from './launch.mjs';

export const GOC_HOSTS = ['ticket.opensciencegrid.org', 'ticket.grid.iu.edu'];
// v2: the extra test site (launch.mjs EXTRA_GOC_HOST) is among the names.
const CACHE = path.join(os.tmpdir(), 'gta-e2e-cert-v2.json');

export async function selfSignedCert() {
  try {
    const cached = JSON.parse(fs.readFileSync(CACHE, 'utf8'));
    if (cached.key && cached.cert && Date.parse(cached.notAfter) > Date.now() + 86400e3) return cached;
  } catch {
    // no cache yet, or unreadable: generate below
  }
  const notAfter = new Date(Date.now() + 365 * 86400e3);
  const pems = await selfsigned.generate([{ name: 'commonName', value: GOC_HOSTS[0] }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          ...SIM_HOSTS.map((value) => ({ type: 2, value })),
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const pair = { key: pems.private, cert: pems.cert, notAfter: notAfter.toISOString() };
  const tmp = `${CACHE}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(pair), { mode: 0o600 });
  fs.renameSync(tmp, CACHE);
  return pair;
}
