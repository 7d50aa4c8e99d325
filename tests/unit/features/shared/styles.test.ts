/**
 * Our page stylesheets (features/shared/styles/*.css, injected by the manifest at document_start):
 * the badge colour of every responder role, read from the sheet itself, reaches WCAG AA.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_CAP_EM } from '../../../../features/responder-badges';
import type { ResponderRole } from '../../../../utils/responders';

const STYLES = path.resolve(__dirname, '../../../../features/shared/styles');
const ROLES = ['software', 'osg-staff', 'submitter', 'unknown'] as const satisfies readonly ResponderRole[];
// Fails to type-check when a role is added and not listed here (so it would get no colour test).
const EVERY_ROLE_LISTED: [Exclude<ResponderRole, (typeof ROLES)[number]>] extends [never] ? true : never = true;

/** The declarations of the one rule whose selector is exactly `selector`. */
function declarations(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`\n${selector}{`);
  expect(start, `a rule for ${selector}`).toBeGreaterThanOrEqual(0);
  expect(css.indexOf(`\n${selector}{`, start + 1), `one rule for ${selector}`).toBe(-1);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    body
      .split(';')
      .filter((d) => d.includes(':'))
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

/** WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('badge colours (ticket.css)', () => {
  const css = fs.readFileSync(path.join(STYLES, 'ticket.css'), 'utf8');
  const colours = () =>
    ROLES.map((role) => {
      const { background, color } = declarations(css, `.gta-role-${role}`);
      return { role, background, color };
    });

  it('every role has its rule, with #rrggbb colours', () => {
    expect(EVERY_ROLE_LISTED).toBe(true);
    for (const { role, background, color } of colours()) {
      expect(background, role).toMatch(/^#[0-9a-f]{6}$/i);
      expect(color, role).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('meet WCAG AA (4.5:1) for every role', () => {
    for (const { role, background, color } of colours()) {
      expect(contrast(background, color), role).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('differ per role', () => {
    const backgrounds = colours().map((c) => c.background.toLowerCase());
    expect(new Set(backgrounds).size).toBe(ROLES.length);
  });

  it('the contrast helper itself computes known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('the badge clipping box (ticket.css)', () => {
  it('caps at the width the badges estimate against (BADGE_CAP_EM), in em of the badge text', () => {
    const css = fs.readFileSync(path.join(STYLES, 'ticket.css'), 'utf8');
    expect(declarations(css, '.gta-summary-chip,.gta-responder-badge.gta-badge-clip')).toMatchObject({
      display: 'inline-block',
      'max-width': `${BADGE_CAP_EM}em`,
      overflow: 'hidden',
    });
    expect(declarations(css, '.gta-responder-badge,.gta-summary-chip')).toMatchObject({ display: 'inline', 'font-size': '11px' });
  });
});

describe('the sheets', () => {
  it('use only gta- classes (the page is not ours to restyle)', () => {
    for (const file of fs.readdirSync(STYLES)) {
      const css = fs.readFileSync(path.join(STYLES, file), 'utf8').replace(/\/\*[^]*?\*\//g, '');
      for (const rule of css.split('}')) {
        const selector = rule.slice(0, rule.indexOf('{')).trim();
        if (!selector) continue;
        for (const part of selector.split(',')) expect(part.trim(), `${file}: ${part}`).toMatch(/^\.gta-/);
      }
    }
  });
});
