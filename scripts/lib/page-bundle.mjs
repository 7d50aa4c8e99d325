/**
 * TypeScript source text (imports resolved from the repository root) bundled into one minified
 * browser IIFE, for bench modules that run our code inside a page or a do-nothing extension.
 * A CSS file our code imports (the manifest injects it in the real build) is put in as a <style>
 * when the bundle is evaluated: at document_start in a do-nothing extension, as the manifest does.
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
    plugins: [cssAsStyleElement],
  });
  return out.outputFiles[0].text;
}

const cssAsStyleElement = {
  name: 'css-as-style-element',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const css = await readFile(args.path, 'utf8');
      return {
        contents: `const s = document.createElement('style'); s.textContent = ${JSON.stringify(css)}; (document.head ?? document.documentElement).append(s);`,
        loader: 'js',
      };
    });
  },
};
