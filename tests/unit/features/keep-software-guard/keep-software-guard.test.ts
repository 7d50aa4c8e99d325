// @vitest-environment happy-dom
/**
 * The keep-Software guard and the shared submit hold on hand-written editor pages: the question
 * shows only when a Software pseudo-user assigned at load is gone at submit; "keep" re-assigns it
 * and lets the page's own submit go on once; "remove" goes on without it; "edit" sends nothing;
 * with an unsigned update too, ONE prompt asks both questions and the submit waits for both.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installKeepSoftwareGuard } from '../../../../features/keep-software-guard';
import { installGuard } from '../../../../features/unsigned-guard';
import { findUpdateButton } from '../../../../features/shared/update-box';
import { detectPage } from '../../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../../utils/settings';
import { editorPage } from '../../helpers/ticket-pages';
import { ROSTER } from '../../helpers/roster';

const SW = 'osg-software-support-stream';
const KEEP = '[data-gta="keep-software-guard"]';
const UNSIGNED = '[data-gta="unsigned-guard"]';
const BOTH = '[data-gta="submit-questions"]';

function settings(extra: Record<string, unknown> = {}): Settings {
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, team: ROSTER, ...extra });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

function page(softwareAssigned = true): string {
  return editorPage({
    id: 555,
    title: 'Held jobs',
    user: 'Alain Roy',
    submitterName: 'Jane Smith',
    submitterEmail: 'jane.smith@physics.wisc.example.edu',
    checklist: [
      [1, SW, 'Software Support (Triage)', softwareAssigned],
      [1, 'blin', 'Brian Lin', false],
      [3, 'rquick', 'Rob Quick', true],
    ],
    updates: [{ datetime: '2018-01-01T10:00:00+00:00', by: 'OSG-GOC', bodyHtml: 'Jobs held.' }],
  });
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

interface Setup {
  doc: Document;
  form: HTMLFormElement;
  ctx: ContentScriptContext;
  pageHandler: ReturnType<typeof vi.fn>;
  /** What the page's handler saw each time it ran: the FP ids it would send. */
  sent: string[][];
  box: (fpid: string) => HTMLInputElement;
  submit: () => Event;
  click: (sel: string) => void;
}

function setup(html: string, s: Settings, { unsigned = false } = {}): Setup {
  const doc = load(html);
  const ctx = new ContentScriptContext('test');
  const env = { document: doc, settings: s, ctx, page: detectPage(doc, new URL('https://ticket.opensciencegrid.org/555')) };
  if (unsigned) installGuard(env);
  installKeepSoftwareGuard(env);
  const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
  const sent: string[][] = [];
  const pageHandler = vi.fn((ev: Event) => {
    ev.preventDefault();
    sent.push(
      Array.from(form.querySelectorAll<HTMLInputElement>('input[name^="team_"]'))
        .filter((i) => i.type === 'hidden' || i.checked)
        .map((i) => i.name),
    );
  });
  form.addEventListener('submit', pageHandler);
  vi.spyOn(form, 'requestSubmit').mockImplementation((submitter) => {
    expect(submitter).toBe(findUpdateButton(form));
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  const box = (fpid: string) =>
    Array.from(form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((i) => i.name.endsWith(`[${fpid}]`))!;
  const submit = () => {
    const ev = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(ev);
    return ev;
  };
  const click = (sel: string) => (doc.querySelector(sel) as HTMLButtonElement).click();
  return { doc, form, ctx, pageHandler, sent, box, submit, click };
}

afterEach(() => {
  document.querySelectorAll('[data-gta]').forEach((el) => el.remove());
});

describe('keep-Software guard', () => {
  it('asks when the Software pseudo-user assigned at load is unticked; "keep" re-ticks it and saves once', () => {
    const t = setup(page(), settings());
    t.box(SW).checked = false;
    const ev = t.submit();
    expect(ev.defaultPrevented).toBe(true);
    expect(t.pageHandler).not.toHaveBeenCalled();
    expect(t.doc.querySelectorAll(KEEP)).toHaveLength(1);
    expect(t.doc.querySelector(KEEP)!.getAttribute('data-gta-dropped')).toBe(SW);
    expect(t.doc.querySelector(KEEP)!.textContent).toContain('Software Support (Triage)');
    expect(Array.from(t.doc.querySelectorAll(`${KEEP} button`)).map((b) => b.getAttribute('data-gta-choice'))).toEqual(['keep', 'remove', 'edit']);
    t.click(`${KEEP} [data-gta-choice="keep"]`);
    expect(t.pageHandler).toHaveBeenCalledTimes(1);
    expect(t.sent[0]).toEqual([`team_1[${SW}]`, 'team_3[rquick]']);
    expect(t.box(SW).closest('.item')!.classList.contains('checked')).toBe(true);
    expect(t.doc.querySelectorAll(KEEP)).toHaveLength(0);
    t.ctx.abort();
  });

  it('"remove" saves without it; "edit" sends nothing and leaves the form as the user made it', () => {
    const t = setup(page(), settings());
    t.box(SW).checked = false;
    t.submit();
    t.click(`${KEEP} [data-gta-choice="edit"]`);
    expect(t.pageHandler).not.toHaveBeenCalled();
    expect(t.box(SW).checked).toBe(false);
    expect(t.doc.querySelectorAll(KEEP)).toHaveLength(0);
    expect(t.doc.activeElement).toBe(t.box(SW));
    t.submit();
    t.click(`${KEEP} [data-gta-choice="remove"]`);
    expect(t.pageHandler).toHaveBeenCalledTimes(1);
    expect(t.sent[0]).toEqual(['team_3[rquick]']);
    t.ctx.abort();
  });

  it('does not ask when it is still assigned, was never assigned, or the guard is off', () => {
    for (const [html, s, untick] of [
      [page(), settings(), false],
      [page(false), settings(), false],
      [page(), settings({ features: { keepSoftwareGuard: false } }), true],
    ] as const) {
      const t = setup(html, s);
      t.box('blin').checked = true;
      if (untick) t.box(SW).checked = false;
      t.submit(); // (the page's own handler prevents the default: it saves by AJAX)
      expect(t.pageHandler).toHaveBeenCalledTimes(1);
      expect(t.doc.querySelectorAll(KEEP)).toHaveLength(0);
      t.ctx.abort();
    }
  });

  it('re-ticking by hand before pressing Update again lets the next submit through', () => {
    const t = setup(page(), settings());
    t.box(SW).checked = false;
    t.submit();
    expect(t.doc.querySelectorAll(KEEP)).toHaveLength(1);
    t.box(SW).checked = true;
    t.submit();
    expect(t.pageHandler).toHaveBeenCalledTimes(1);
    expect(t.doc.querySelectorAll(KEEP)).toHaveLength(0);
    t.ctx.abort();
  });

  it('"keep" puts back a pseudo-user removed from an autocomplete (fblist) team', () => {
    const doc = load(page(false));
    // An fblist team with the pseudo-user chosen, as the page prints it (docs/goc-pages.md §7.1).
    const col = doc.querySelector('.span4')!;
    col.insertAdjacentHTML(
      'beforeend',
      `<b class="teamname">Support Centers</b><div class="fblist_container" id="team_2__list"><div class="fblist">` +
        `<div><i class="icon-remove"></i> Software Support (Triage)<input type="hidden" name="team_2[${SW}]" value="on"></div></div>` +
        `<input type="text" class="autocomplete ac_input"></div>` +
        `<script>$(function() {var team_2__listdata = [{ id: "${SW}", label: "Software Support (Triage)"},\n{ id: "blin", label: "Brian Lin"}];});</script>`,
    );
    const ctx = new ContentScriptContext('test');
    const s = settings();
    expect(installKeepSoftwareGuard({ document: doc, settings: s, ctx })).toBe(true);
    const form = doc.querySelector('form#ticket_form') as HTMLFormElement;
    const names: string[][] = [];
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      names.push(Array.from(form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name^="team_"]')).map((i) => i.name));
    });
    vi.spyOn(form, 'requestSubmit').mockImplementation(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    doc.querySelector('#team_2__list .fblist > div')!.remove(); // the page's remove icon
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(names).toEqual([]);
    (doc.querySelector(`${KEEP} [data-gta-choice="keep"]`) as HTMLButtonElement).click();
    expect(names).toEqual([[`team_2[${SW}]`]]);
    ctx.abort();
  });

  it('is not installed where nothing can be dropped (no Software pseudo-user at load)', () => {
    const doc = load(page(false));
    expect(installKeepSoftwareGuard({ document: doc, settings: settings(), ctx: new ContentScriptContext('test') })).toBe(false);
  });
});

describe('one prompt for both guards', () => {
  function both() {
    const t = setup(page(), settings(), { unsigned: true });
    (t.doc.querySelector('textarea.description') as HTMLTextAreaElement).value = 'Please retry.';
    t.box(SW).checked = false;
    expect(t.submit().defaultPrevented).toBe(true);
    return t;
  }

  it('asks both questions in one container, each with its own buttons', () => {
    const t = both();
    expect(t.doc.querySelectorAll(BOTH)).toHaveLength(1);
    const blocks = Array.from(t.doc.querySelector(BOTH)!.children).map((c) => c.getAttribute('data-gta'));
    expect(blocks).toEqual([null, 'unsigned-guard', 'keep-software-guard']);
    expect(t.doc.querySelectorAll(`${UNSIGNED} button`)).toHaveLength(3);
    expect(t.doc.querySelectorAll(`${KEEP} button`)).toHaveLength(3);
    // Pressing Update again rebuilds, never stacks.
    t.submit();
    expect(t.doc.querySelectorAll(BOTH)).toHaveLength(1);
    expect(t.doc.querySelectorAll(UNSIGNED)).toHaveLength(1);
    t.ctx.abort();
  });

  it('the submit goes on only when both are answered, then runs both choices once', () => {
    const t = both();
    t.click(`${KEEP} [data-gta-choice="keep"]`);
    expect(t.pageHandler).not.toHaveBeenCalled();
    expect(t.box(SW).checked).toBe(false); // applied only when the submit goes on
    expect(t.doc.querySelector(`${KEEP} [data-gta-choice="keep"]`)!.getAttribute('aria-pressed')).toBe('true');
    expect(t.doc.activeElement?.closest(UNSIGNED)).not.toBeNull();
    t.click(`${UNSIGNED} [data-gta-choice="sign"]`);
    expect(t.pageHandler).toHaveBeenCalledTimes(1);
    expect(t.sent[0]).toEqual([`team_1[${SW}]`, 'team_3[rquick]']);
    expect((t.doc.querySelector('textarea.description') as HTMLTextAreaElement).value).toContain('Alain Roy');
    expect(t.doc.querySelectorAll(`${BOTH}, ${KEEP}, ${UNSIGNED}`)).toHaveLength(0);
    t.ctx.abort();
  });

  it('"edit" on either question returns to the form and nothing is sent or changed', () => {
    for (const edit of [`${UNSIGNED} [data-gta-choice="cancel"]`, `${KEEP} [data-gta-choice="edit"]`]) {
      const t = both();
      t.click(`${KEEP} [data-gta-choice="keep"]`);
      t.click(edit);
      expect(t.pageHandler).not.toHaveBeenCalled();
      expect(t.doc.querySelectorAll(`${BOTH}, ${KEEP}, ${UNSIGNED}`)).toHaveLength(0);
      expect(t.box(SW).checked).toBe(false);
      expect((t.doc.querySelector('textarea.description') as HTMLTextAreaElement).value).toBe('Please retry.');
      t.ctx.abort();
    }
  });

  it('only the question that applies is asked, in its own block as before', () => {
    const t = setup(page(), settings(), { unsigned: true });
    (t.doc.querySelector('textarea.description') as HTMLTextAreaElement).value = 'Please retry.';
    t.submit();
    expect(t.doc.querySelectorAll(BOTH)).toHaveLength(0);
    expect(t.doc.querySelector(UNSIGNED)!.getAttribute('role')).toBe('alertdialog');
    t.click(`${UNSIGNED} [data-gta-choice="as-is"]`);
    expect(t.pageHandler).toHaveBeenCalledTimes(1);
    t.ctx.abort();
  });
});
