/**
 * Runs once per `playwright test` invocation, before any worker: makes sure both production builds
 * exist and are up to date (rebuilding under the build lock when sources are newer), then snapshots
 * them into a temp directory the browsers load from, so a rebuild by someone else during the run
 * cannot change the extension under test. `GTA_E2E_NO_BUILD=1` skips the rebuild (the builds must
 * exist and be newer than every source, else the run fails; scripts/test-all.mjs sets it only when it
 * has just built both).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTargets, snapshotBuild, staleReason } from '../../../scripts/lib/build.mjs';

const TARGET_DIRS = { chromium: 'chrome-mv3', firefox: 'firefox-mv2' } as const;

function removeOldSnapshots() {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('gta-e2e-ext-')) continue;
    const full = path.join(os.tmpdir(), name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
  }
}

export default async function globalSetup() {
  const targets = ['chromium', 'firefox'] as const;
  if (process.env.GTA_E2E_NO_BUILD === '1') {
    for (const t of targets) {
      // Never test a build older than the sources: a green run must be about this code.
      const reason = staleReason(t);
      if (reason) throw new Error(`${reason}: run \`npm run build\` first, or run without GTA_E2E_NO_BUILD=1`);
    }
  } else {
    const results = await buildTargets([...targets], { quiet: true });
    for (const t of targets) {
      if (results[t].code !== 0) throw new Error(`building the ${t} extension failed:\n${results[t].output}`);
    }
  }
  removeOldSnapshots();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gta-e2e-ext-'));
  for (const t of targets) await snapshotBuild(t, path.join(dir, TARGET_DIRS[t]));
  // Workers inherit the runner's environment.
  process.env.GTA_E2E_EXT_DIR = dir;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
