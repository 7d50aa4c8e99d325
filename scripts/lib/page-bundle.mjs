/**
 * TypeScript source text (imports resolved from the repository root) bundled into one minified
 * browser IIFE, for bench modules that run our code inside a page or a do-nothing extension.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function bundleForPage(contents) {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
