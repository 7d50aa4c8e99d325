// @vitest-environment happy-dom
/**
 * Faults from ticket text: a 100,000-character single line, and right-to-left and combining-character
 * names. What the user sees: a badge per update, the name exactly as written (as text), the page's
 * own update text untouched; the ticket opens without freezing the tab.
 */
import { renderBadges } from '../../../features/responder-badges';
import { renderSummary } from '../../../features/responder-summary';
import { forgetAnalysis } from '../../../features/shared/ticket-analysis';
import { identifyResponders } from '../../../utils/responders';
import { parseSettings, type Settings } from '../../../utils/settings';
import { editorPage, type PageUpdate } from '../helpers/ticket-pages';
import { ROSTER } from '../helpers/roster';

const NAMES = {
  nfc: 'José Núñez',
  nfd: 'Jose\u0301 Nu\u0301n\u0303ez',
  arabic: 'محمد علي',
  hebrew: 'דוד כהן',
};

function settings(): Settings {
  const team = [
    ...ROSTER,
    { name: NAMES.nfc, emails: ['jose@x.example.edu'], role: 'software' },
    { name: NAMES.arabic, emails: ['mali@x.example.edu'], role: 'software' },
    { name: NAMES.hebrew, emails: ['dcohen@x.example.edu'], role: 'osg-staff' },
  ];
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, team });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function load(updates: PageUpdate[]): Document {
  const html = editorPage({
    id: 777,
    title: 'Hostile text',
    user: 'Alain Roy',
    submitterName: 'Zoë Ångström',
    submitterEmail: 'zoe@u.example.edu',
    checklist: [[1, 'osg-software-support-stream', 'Software Support (Triage)', true]],
    updates,
  });
  document.open();
  document.write(html);
  document.close();
  forgetAnalysis(document);
  return document;
}

const at = (h: number) => new Date(Date.UTC(2018, 0, 1, h)).toISOString();
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('a 100,000-character single line', () => {
  const LINES: [string, string][] = [
    ['letters', 'x'.repeat(100_000)],
    ['dots and spaces', '. '.repeat(50_000)],
    ['escaped markup', '<'.repeat(30_000) + 'script>'.repeat(10_000)],
    ['separators', '-_.'.repeat(33_334)],
    ['pipes and commas', '|,'.repeat(50_000)],
  ];
  for (const [what, line] of LINES) {
    it(`${what}: badges and summary appear within the budget; the update text is the page's own, whole`, () => {
      const doc = load([
        { datetime: at(3), by: 'Alain Roy', bodyHtml: 'Thanks, looking.' },
        { datetime: at(2), bodyHtml: escape(`${line}\n\nThanks,\n${NAMES.nfd}`) },
        { datetime: at(1), bodyHtml: escape(line) },
      ]);
      const before = Array.from(doc.querySelectorAll('.update_description pre')).map((p) => p.textContent);
      const s = settings();
      const started = performance.now();
      expect(renderBadges(doc, { settings: s })).toBe(3);
      renderSummary(doc, { settings: s }, Date.parse(at(4)));
      const ms = performance.now() - started;
      // Linear work takes well under a second here (happy-dom); a quadratic pass over 100k takes many.
      expect(ms).toBeLessThan(2000);
      expect(doc.querySelectorAll('[data-gta="responder-summary"]')).toHaveLength(1);
      const after = Array.from(doc.querySelectorAll('.update_description pre')).map((p) => p.textContent);
      expect(after).toEqual(before);
      expect(after[1]!.length).toBeGreaterThanOrEqual(100_000);
      const badges = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]'));
      expect(badges.map((b) => b.getAttribute('data-gta-responder'))).toEqual(['Alain Roy', NAMES.nfc, '']);
    });
  }
});

describe('right-to-left and combining-character names', () => {
  it('are matched to the roster whatever their normal form, and shown exactly as the roster writes them', () => {
    const s = settings();
    const ctx = { roster: s.team.map((m) => ({ name: m.name, emails: m.emails, aliases: m.aliases, role: m.role })), submitter: { name: 'Zoë Ångström', email: 'zoe@u.example.edu', submitterName: 'Zoë Ångström' } };
    const got = identifyResponders(
      [
        { byHeader: NAMES.nfd, bodyText: 'hi' },
        { byHeader: null, bodyText: `Fixed.\n\nThanks,\n${NAMES.nfd}` },
        { byHeader: NAMES.arabic, bodyText: 'تم' },
        { byHeader: null, bodyText: `Done.\n\n-- \nמ\n${NAMES.hebrew}` },
        { byHeader: 'Zoe\u0308 A\u030angstro\u0308m', bodyText: 'q' },
      ],
      ctx,
    );
    expect(got.map((r) => [r.name, r.role])).toEqual([
      [NAMES.nfc, 'software'],
      [NAMES.nfc, 'software'],
      [NAMES.arabic, 'software'],
      [NAMES.hebrew, 'osg-staff'],
      ['Zoë Ångström', 'submitter'],
    ]);
  });

  it('badges carry RTL names and bidi-override text as text, with nothing dropped', () => {
    const override = '\u202eدوم محمد\u202c';
    const doc = load([
      { datetime: at(3), by: NAMES.arabic, bodyHtml: 'تم الإصلاح' },
      { datetime: at(2), bodyHtml: escape(`Done.\n\n-- \nמ\n${NAMES.hebrew}`) },
      { datetime: at(1), bodyHtml: escape(`Report\n\nby ${override} (mali@evil.example.com)`) },
    ]);
    expect(renderBadges(doc, { settings: settings() })).toBe(3);
    const badges = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]'));
    expect(badges.map((b) => b.getAttribute('data-gta-responder'))).toEqual([NAMES.arabic, NAMES.hebrew, `${override} (mali@evil.example.com)`]);
    expect(badges[0].textContent).toContain(NAMES.arabic);
    expect(badges[1].textContent).toContain(NAMES.hebrew);
    expect(badges[2].textContent).toContain(override);
    expect(doc.querySelectorAll('[data-gta="responder-badge"] *:not(span):not(strong):not(b)')).toHaveLength(0);
  });

  it('an unclosed right-to-left override in a name is isolated, so the role after it reads left to right', () => {
    const unclosed = '\u202eEve Mallory';
    const doc = load([
      { datetime: at(2), by: 'Brian Lin', bodyHtml: 'Fixed.' },
      { datetime: at(1), bodyHtml: escape(`Report\n\nby ${unclosed} (eve@evil.example.com)`) },
    ]);
    renderBadges(doc, { settings: settings() });
    const [plain, hostile] = Array.from(doc.querySelectorAll('[data-gta="responder-badge"]'), (b) => b.textContent ?? '');
    // First Strong Isolate … Pop Directional Isolate closes every embedding opened inside it.
    expect(hostile).toMatch(/^\u2068\u202eEve Mallory[^\u2069]*\u2069 · /);
    expect(plain).toBe('Brian Lin · Software');
  });
});
