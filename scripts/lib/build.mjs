/**
 * Production builds of the extension, shared by the test runner, the e2e harness, the demo and the
 * benchmark. Builds run under a per-working-tree lock, so two tools never write .output/ at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockPathFor, withLock } from './lock.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const TARGETS = {
  chromium: { dir: '.output/chrome-mv3', args: ['build'] },
  firefox: { dir: '.output/firefox-mv2', args: ['build', '-b', 'firefox'] },
};

/** Everything that ends up in a build. */
const SOURCES = ['entrypoints', 'components', 'features', 'services', 'utils', 'assets', 'public', 'wxt.config.ts', 'package.json', 'tsconfig.json'];

export function buildDir(target) {
  return path.join(REPO_ROOT, TARGETS[target].dir);
}

function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why a build must be (re)made, or null when it is up to date. */
export function staleReason(target) {
  const manifest = path.join(buildDir(target), 'manifest.json');
  const built = fs.statSync(manifest, { throwIfNoEntry: false })?.mtimeMs;
  if (!built) return `${TARGETS[target].dir} is missing`;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  return newest > built ? `sources changed after ${TARGETS[target].dir} was built` : null;
}

export function run(cmd, args, { cwd = REPO_ROOT, quiet = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

export const BUILD_LOCK = lockPathFor('build', REPO_ROOT);

/** Builds the given targets under the build lock. `force`: build even when up to date. */
export async function buildTargets(targets, { force = false, quiet = false, log = console.log } = {}) {
  return withLock(
    BUILD_LOCK,
    async () => {
      const results = {};
      for (const target of targets) {
        const reason = force ? 'requested' : staleReason(target);
        if (!reason) {
          results[target] = { code: 0, output: 'up to date', skipped: true };
          continue;
        }
        log(`[build] wxt ${TARGETS[target].args.join(' ')} (${reason})`);
        results[target] = await run('npx', ['wxt', ...TARGETS[target].args], { quiet });
      }
      return results;
    },
    { onWait: () => log('[build] waiting for another build in this tree to finish…') },
  );
}

/** Copies a build to `dest` under the build lock, so a concurrent rebuild cannot change it mid-run. */
export async function snapshotBuild(target, dest) {
  await withLock(BUILD_LOCK, async () => {
    fs.rmSync(dest, { recursive: true, force: true });
    fs.cpSync(buildDir(target), dest, { recursive: true });
  });
  return dest;
}
