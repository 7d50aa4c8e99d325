// @vitest-environment happy-dom
/**
 * Enter guard and the early submit hold (issue 10, finding 8): Enter in a single-line field of the
 * New Update form has no default action (the form's first submit button may be an attachment's ×),
 * while the page's own handlers still see the key; a submit by the Update button made before the
 * guards are set up waits for them and then goes through their hold (or to the page).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { enterGuard, installEnterGuard, submitsOnEnter } from '../../../../features/enter-guard';
import { holdEarlySubmits, settleEarlySubmits } from '../../../../features/shared/submit-hold';
import { findUpdateButton } from '../../../../features/shared/update-box';
import { installGuard } from '../../../../features/unsigned-guard';
import { detectPage } from '../../../../utils/goc/page';
import { parseSettings, type Settings } from '../../../../utils/settings';
import { editorPage } from '../../helpers/ticket-pages';

function settings(): Settings {
  const r = parseSettings({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' } });
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

/** The editor with what the page's script adds after DOM ready: an attachment row (its × first in the form), Next Action, a CC row. */
function load(): { doc: Document; form: HTMLFormElement; ctx: ContentScriptContext } {
  document.open();
  document.write(
    editorPage({ id: 555, title: 'Held jobs', user: 'Alain Roy', submitterName: 'Jane Smith', submitterEmail: 'jane@example.edu', checklist: [], updates: [] }),
  );
  document.close();
  const form = document.querySelector<HTMLFormElement>('form#ticket_form')!;
  form.insertAdjacentHTML(
    'afterbegin',
    '<div id="files" class="files"><div class="row-fluid file"><div class="span6 file-name">log.txt</div>' +
      '<div class="span1 file-delete"><button class="button" onclick="return false;">&times;</button></div></div></div>' +
      '<input type="text" name="next_action" value="ENG Action"><input type="email" name="contact_email"><input type="date" name="nad">' +
      '<div class="ccarea"><div class="cc"><input type="text" class="span12" name="cc[]"></div></div>',
  );
  document.body.insertAdjacentHTML('afterbegin', '<form class="navbar-search" action="viewer"><input type="text" name="id" id="search"></form>');
  return { doc: document, form, ctx: new ContentScriptContext('test') };
}

function enter(target: Element, init: KeyboardEventInit = {}): KeyboardEvent {
  const ev = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(ev);
  return ev;
}

function submitBy(form: HTMLFormElement, submitter: HTMLElement | null): Event {
  const ev = new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter });
  form.dispatchEvent(ev);
  return ev;
}

describe('Enter guard', () => {
  let t: ReturnType<typeof load>;
  beforeEach(() => {
    t = load();
    installEnterGuard(t.ctx, t.doc);
  });
  afterEach(() => t.ctx.abort());

  it.each(['next_action', 'title', 'submitter_name', 'contact_email', 'nad', 'cc[]'])('Enter in %s has no default action', (name) => {
    const input = t.form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    expect(submitsOnEnter(input)).toBe(true);
    expect(enter(input).defaultPrevented).toBe(true);
  });

  it('the page\u2019s own handlers on the field still get the key (its autocomplete picks on Enter)', () => {
    const input = t.form.querySelector<HTMLInputElement>('input[name="cc[]"]')!;
    const seen: boolean[] = [];
    input.addEventListener('keydown', (e) => seen.push(e.defaultPrevented));
    enter(input);
    expect(seen).toEqual([true]);
  });

  it('leaves the text box, buttons, other forms, other keys and IME composition alone', () => {
    const box = t.form.querySelector('textarea.description')!;
    expect(enter(box).defaultPrevented).toBe(false);
    expect(enter(t.form.querySelector('.file-delete button')!).defaultPrevented).toBe(false);
    expect(enter(findUpdateButton(t.form)!).defaultPrevented).toBe(false);
    expect(enter(t.doc.querySelector('#search')!).defaultPrevented).toBe(false);
    const next = t.form.querySelector('input[name=next_action]')!;
    expect(enter(next, { isComposing: true }).defaultPrevented).toBe(false);
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    next.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
  });

  it('stops when the content script is torn down', () => {
    t.ctx.abort();
    expect(enter(t.form.querySelector('input[name=next_action]')!).defaultPrevented).toBe(false);
  });
});

describe('early submit hold', () => {
  let t: ReturnType<typeof load>;
  let pageSaves: number;
  beforeEach(() => {
    t = load();
    pageSaves = 0;
    holdEarlySubmits(t.ctx, t.doc);
    // The page's own jQuery-style handler, bound right after the form.
    t.form.addEventListener('submit', (e) => {
      e.preventDefault();
      pageSaves += 1;
    });
    vi.spyOn(t.form, 'requestSubmit').mockImplementation((submitter) => void submitBy(t.form, submitter ?? null));
  });
  afterEach(() => t.ctx.abort());

  it('holds an Update made before the guards are ready; once they are, the page saves it (nothing to ask)', () => {
    const ev = submitBy(t.form, findUpdateButton(t.form));
    expect(ev.defaultPrevented).toBe(true);
    expect(pageSaves).toBe(0);
    settleEarlySubmits(t.doc);
    expect(t.form.requestSubmit).toHaveBeenCalledWith(findUpdateButton(t.form));
    expect(pageSaves).toBe(1);
    // Settled: later submits are the guards' business, not held again here.
    submitBy(t.form, findUpdateButton(t.form));
    expect(pageSaves).toBe(2);
  });

  it('hands a held unsigned Update to the unsigned guard installed meanwhile (the enter-guard feature settles at DOM ready)', async () => {
    t.form.querySelector<HTMLTextAreaElement>('textarea.description')!.value = 'Unsigned text.';
    submitBy(t.form, findUpdateButton(t.form));
    const env = { document: t.doc, settings: settings(), ctx: t.ctx, page: detectPage(t.doc, new URL('https://ticket.opensciencegrid.org/555')) };
    expect(installGuard(env)).toBe(true);
    await enterGuard.init(env);
    expect(t.doc.querySelector('[data-gta="unsigned-guard"]')).not.toBeNull();
    expect(pageSaves).toBe(0);
  });

  it('never holds what the Update button did not send (an attachment\u2019s \u00d7, another form)', () => {
    submitBy(t.form, t.form.querySelector('.file-delete button'));
    expect(pageSaves).toBe(1);
    const other = t.doc.querySelector<HTMLFormElement>('form.navbar-search')!;
    const ev = new SubmitEvent('submit', { bubbles: true, cancelable: true });
    other.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
  });

  it('torn down before the guards were ready: the held Update goes to the page as it was', () => {
    submitBy(t.form, findUpdateButton(t.form));
    expect(pageSaves).toBe(0);
    t.ctx.abort();
    expect(pageSaves).toBe(1);
  });
});
