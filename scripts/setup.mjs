#!/usr/bin/env node
/**
 * Prepares a machine to build, test and demo the extension. Idempotent and fast when all is there:
 *  - Debian's chromium and firefox-esr (apt-get, as root) when /usr/bin/chromium or
 *    /usr/bin/firefox-esr is missing;
 *  - `npm ci` when node_modules is missing or older than package-lock.json (its postinstall runs
 *    `wxt prepare`); `wxt prepare` alone when only .wxt/ is missing.
 * Prints every action it takes. Exit code non-zero when something could not be done.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSERS = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];
const started = Date.now();

function say(line) {
  console.log(`[setup] ${line}`);
}

function run(cmd, args, extraEnv = {}) {
  say(`$ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    say(`failed: ${cmd} ${args.join(' ')} (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  say(`Node ${process.versions.node} is too old: Node 20 or newer is required.`);
  process.exit(1);
}

// 1. Browsers (Debian packages; the e2e tests, the demo and the bench drive these binaries).
const missing = BROWSERS.filter((b) => !fs.existsSync(b.bin));
if (missing.length) {
  const pkgs = missing.map((b) => b.pkg);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    say(`missing ${missing.map((b) => b.bin).join(', ')}; install as root: apt-get update && apt-get install -y ${pkgs.join(' ')}`);
    process.exit(1);
  }
  say(`installing ${pkgs.join(' ')} (missing ${missing.map((b) => b.bin).join(', ')})`);
  const apt = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], apt);
  run('apt-get', ['install', '-y', ...pkgs], apt);
} else {
  say(`browsers present: ${BROWSERS.map((b) => b.bin).join(', ')}`);
}

// 2. npm packages.
const lock = path.join(ROOT, 'package-lock.json');
// npm rewrites node_modules/.package-lock.json on every install: its age is the install's age.
const installedMarker = path.join(ROOT, 'node_modules', '.package-lock.json');
const lockTime = fs.statSync(lock).mtimeMs;
const installedTime = fs.statSync(installedMarker, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (!installedTime) {
  say('node_modules is missing: installing packages');
  run('npm', ['ci', '--no-audit', '--no-fund']);
} else if (installedTime < lockTime) {
  say('package-lock.json is newer than node_modules: reinstalling packages');
  run('npm', ['ci', '--no-audit', '--no-fund']);
} else {
  say('node_modules up to date');
}

// 3. WXT's generated types (tsconfig extends .wxt/tsconfig.json); npm ci's postinstall makes them.
if (!fs.existsSync(path.join(ROOT, '.wxt', 'tsconfig.json'))) {
  say('.wxt/ is missing: generating it');
  run('npx', ['wxt', 'prepare']);
}

say(`ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
