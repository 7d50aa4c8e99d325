/** Static files: the page libraries from node_modules (the versions the real site ran) and our stylesheet. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { send } from '../http.mjs';

const SIM_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = SIM_DIR;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
}

/** `lib/<name>/…` → a folder in node_modules (the versions the real site used, docs/goc-pages.md §1). */
const LIB_DIRS = {
  jquery: ['jquery', 'dist'],
  'jquery-migrate': ['jquery-migrate', 'dist'],
  bootstrap: ['bootstrap2', 'docs/assets'],
  'jquery-ui': ['jquery-ui-dist', ''],
  select2: ['select2', 'dist'],
  timeago: ['timeago', ''],
  datatables: ['datatables', 'media'],
};
const SINGLE_FILES = {
  'lib/jquery.cookie.js': () => path.join(packageDir('jquery.cookie'), 'jquery.cookie.js'),
  'css/ticket.css': () => path.join(SIM_DIR, 'assets', 'ticket.css'),
  'images/tag_orange.png': () => path.join(packageDir('bootstrap2'), 'docs/assets/ico/favicon.png'),
  'favicon.ico': () => path.join(packageDir('bootstrap2'), 'docs/assets/ico/favicon.ico'),
};
const MIME = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.map': 'application/json',
};

function staticFile(rest) {
  const rel = rest.replace(/^\//, '');
  if (SINGLE_FILES[rel]) return SINGLE_FILES[rel]();
  const m = /^lib\/([^/]+)\/(.+)$/.exec(rel);
  if (!m || !LIB_DIRS[m[1]]) return null;
  const [pkg, sub] = LIB_DIRS[m[1]];
  const root = path.join(packageDir(pkg) ?? '/nonexistent', sub);
  const file = path.normalize(path.join(root, m[2]));
  return file.startsWith(root + path.sep) ? file : null;
}

export const isAssetPath = (rest) => /^\/(lib|css|images)\//.test(rest) || rest === '/favicon.ico';

/** Serves `rest` (`/lib/…`, `/css/…`, `/images/…`), cached for an hour. */
export function serveStatic(req, res, rest) {
  const file = staticFile(rest);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'not found', 'text/plain');
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(file).pipe(res);
}
