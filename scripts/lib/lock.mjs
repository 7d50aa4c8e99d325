/**
 * A cross-process lock made of a directory (mkdir is atomic), with the owner's pid inside so a lock
 * left by a killed process is taken over. Used around builds of .output/ (several people and tools
 * share one working tree) and wherever a single machine resource must be used by one run at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import crypto from 'node:crypto';

/** A lock path private to one working tree (two clones never wait for each other). */
export function lockPathFor(name, repoRoot) {
  const tag = crypto.createHash('sha1').update(path.resolve(repoRoot)).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `gta-${name}-${tag}.lock`);
}

function ownerAlive(lockDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    if (!pid) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is not ours, so it is alive.
    return error?.code === 'EPERM';
  }
}

export async function withLock(lockDir, fn, { timeoutMs = 10 * 60_000, onWait } = {}) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A directory without a pid file is being created right now; give it a moment before judging.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (!ownerAlive(lockDir) && age > 2000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      if (!announced && onWait) onWait();
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
