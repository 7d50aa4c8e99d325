/**
 * The popup's colours meet WCAG AA for text (4.5:1) in both schemes: every text colour variable of
 * components/popup/popup.css on the popup's background and on its surface (state lines, buttons,
 * counts), and the primary button's text on the accent.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(__dirname, '../../../../components/popup/popup.css'), 'utf8');

function block(source: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of source.matchAll(/--gta-([a-z-]+):\s*(#[0-9a-f]{6})/gi)) vars[m[1]] = m[2].toLowerCase();
  return vars;
}

const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const light = block(css.slice(0, darkAt));
const dark = { ...light, ...block(css.slice(darkAt, css.indexOf('body {', darkAt))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = ['text', 'muted', 'accent', 'error', 'warn', 'signed-out', 'danger', 'ok'];

describe.each([
  ['light', light],
  ['dark', dark],
])('popup colours, %s scheme', (_name, v) => {
  it('defines every colour it uses', () => {
    for (const key of [...TEXT, 'bg', 'surface', 'on-accent']) expect(v[key], key).toMatch(/^#[0-9a-f]{6}$/);
  });
  it.each(TEXT)('%s text is at least 4.5:1 on the background and on the surface', (key) => {
    expect(contrast(v[key], v.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v[key], v.surface)).toBeGreaterThanOrEqual(4.5);
  });
  it('primary button text on the accent is at least 4.5:1', () => {
    expect(contrast(v['on-accent'], v.accent)).toBeGreaterThanOrEqual(4.5);
  });
  it('the schemes differ (dark mode is real)', () => {
    expect(light.bg).not.toBe(dark.bg);
  });
});

it('contrast() agrees with known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
});
