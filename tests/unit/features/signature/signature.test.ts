// @vitest-environment happy-dom
/**
 * features/signature on editor and read-only markup (docs/goc-pages.md §6.1): button placement, cursor
 * vs end, no duplicates, the setup message, the keyboard command, text-only insertion, and that
 * the page's form is left alone.
 */
import { fakeBrowser } from 'wxt/testing';
import { mountSignature, type InsertOutcome, type SignatureDeps } from '../../../../features/signature';
import { parseSettings, type Settings } from '../../../../utils/settings';
import type { GocPage } from '../../../../utils/goc/page';

const EDITOR = `
  <form id="ticket_form" class="form-horizontal">
    <input type="hidden" name="id" value="12345">
    <fieldset><legend>New Update <select class="quickdesc" name="quickdesc"><option value="">(Template)</option></select></legend>
      <div class="control-group"><div class="controls">
        <textarea class="description" name="description" rows="8"></textarea>
      </div></div>
    </fieldset>
    <div class="form-actions"><div class="controls">
      <button type="submit" class="btn btn-primary">Update</button>
      <input type="checkbox" id="notify1" name="notify_assignees" value="on" checked>
    </div></div>
  </form>`;

const VIEWER = `
  <div class="ticketgui"><form class="form-horizontal" method="post" action="viewer/updatebasic?id=12345">
    <legend>New Update</legend>
    <textarea class="description" name="description"></textarea>
    <div class="form-actions"><button type="submit" class="btn btn-primary">Update</button></div>
  </form></div>`;

const GUEST = `<div class="ticketgui"><form class="form-horizontal"><legend>Details</legend></form></div>`;

function settingsWith(raw: Record<string, unknown>): Settings {
  const r = parseSettings(raw);
  if (!r.ok) throw new Error(r.error);
  return r.settings;
}

const ALAIN = settingsWith({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' } });
const SIGNED = '------------------------------------\nAlain Roy\nOSG Software Support\nvdt-support@opensciencegrid.org';

const page: GocPage = {
  kind: 'ticket',
  url: new URL('https://ticket.opensciencegrid.org/12345'),
  base: '',
  ticketId: 12345,
  signedIn: true,
  userName: 'Alain Roy',
  mode: 'editor',
};

interface Harness {
  textarea: () => HTMLTextAreaElement;
  button: () => HTMLButtonElement;
  openOptions: ReturnType<typeof vi.fn>;
  command: () => InsertOutcome;
  pushSettings: (s: Settings) => void;
  invalidate: () => void;
}

function mount(html: string, settings: Settings = ALAIN): Harness {
  document.body.innerHTML = html;
  // happy-dom has no editing commands: the fallback path runs (the browsers' path is covered e2e).
  (document as unknown as { execCommand: unknown }).execCommand = undefined;
  let commandHandler: (() => InsertOutcome) | null = null;
  let settingsListener: ((s: Settings) => void) | null = null;
  const invalidated: (() => void)[] = [];
  const openOptions = vi.fn(() => Promise.resolve());
  const deps: SignatureDeps = {
    openOptions,
    onInsertCommand: (h) => {
      if (commandHandler) throw new Error('only one listener per message type'); // as @webext-core/messaging
      commandHandler = h;
      return () => (commandHandler = null);
    },
    watchSettings: (cb) => {
      settingsListener = cb;
      return () => (settingsListener = null);
    },
    now: () => new Date('2026-02-13T15:00:00Z'),
  };
  mountSignature({ document, page, settings, ctx: { onInvalidated: (cb: () => void) => (invalidated.push(cb), () => undefined) } }, deps);
  return {
    textarea: () => document.querySelector('textarea.description')!,
    button: () => document.querySelector('[data-gta="signature-button"]')!,
    openOptions,
    command: () => {
      if (!commandHandler) throw new Error('no command listener');
      return commandHandler();
    },
    pushSettings: (s) => settingsListener?.(s),
    invalidate: () => invalidated.forEach((cb) => cb()),
  };
}

beforeEach(() => fakeBrowser.reset());

describe('the button', () => {
  it.each([
    ['editor', EDITOR],
    ['read-only viewer', VIEWER],
  ])('sits right after the New Update box in the %s, as a non-submit Bootstrap-2 button', (_label, html) => {
    const h = mount(html);
    const button = h.button();
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Insert signature');
    expect(button.classList.contains('btn')).toBe(true);
    expect([...button.classList].filter((c) => !c.startsWith('btn')).every((c) => c.startsWith('gta-'))).toBe(true);
    expect(h.textarea().nextElementSibling?.getAttribute('data-gta')).toBe('signature');
    expect(h.textarea().nextElementSibling?.contains(button)).toBe(true);
  });

  it('is not added for a guest (no New Update box)', () => {
    mount(GUEST);
    expect(document.querySelector('[data-gta="signature-button"]')).toBeNull();
  });

  it('is added once even when mounted twice', () => {
    mount(EDITOR);
    mountSignature(
      { document, page, settings: ALAIN, ctx: { onInvalidated: () => () => undefined } },
      { openOptions: vi.fn(), onInsertCommand: () => () => undefined, watchSettings: () => () => undefined, now: () => new Date() },
    );
    expect(document.querySelectorAll('[data-gta="signature-button"]')).toHaveLength(1);
  });

  it('and everything else is removed when the content script is invalidated', () => {
    const h = mount(EDITOR, settingsWith({}));
    h.button().click();
    h.invalidate();
    expect(document.querySelector('[data-gta^="signature"]')).toBeNull();
  });
});

describe('inserting', () => {
  it('appends at the end with a blank line when the box was not focused', () => {
    const h = mount(EDITOR);
    h.textarea().value = 'The fix is in osg-ce 3.6.';
    h.button().click();
    expect(h.textarea().value).toBe(`The fix is in osg-ce 3.6.\n\n${SIGNED}`);
  });

  it('inserts at the cursor remembered when focus moved from the box to the button', () => {
    const h = mount(EDITOR);
    const ta = h.textarea();
    ta.value = 'Hello,\n\nP.S. see the docs';
    ta.focus();
    ta.setSelectionRange(7, 7);
    h.button().focus(); // keyboard user: Tab / Shift+Tab to the button
    expect(document.activeElement).toBe(h.button());
    h.button().click();
    expect(ta.value).toBe(`Hello,\n\n${SIGNED}\nP.S. see the docs`);
  });

  it('keeps the caret in the box on a mouse press on the button', () => {
    const h = mount(EDITOR);
    h.textarea().focus();
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    h.button().dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
  });

  it('does not duplicate the signature, even with different whitespace', () => {
    const h = mount(EDITOR);
    h.button().click();
    h.button().click();
    expect(h.textarea().value).toBe(SIGNED);
    h.textarea().value = `Done.\n\n${SIGNED.replace(/\n/g, '  \r\n')}\n`;
    const before = h.textarea().value;
    h.button().click();
    expect(h.textarea().value).toBe(before);
    expect(document.querySelector('[data-gta="signature-status"]')?.textContent).toMatch(/already/);
  });

  it('tells the page: one input event per insertion, so the page sees the new text', () => {
    const h = mount(VIEWER);
    const events: string[] = [];
    h.textarea().addEventListener('input', () => events.push(h.textarea().value));
    h.button().click();
    expect(events).toEqual([SIGNED]);
  });

  it('fills {email}, {date} in the team time zone and {ticket}', () => {
    const h = mount(EDITOR, settingsWith({ identity: { name: 'Alain Roy', email: 'alain.roy@wisc.example.edu' }, signature: '-- \n{name} <{email}>\n{date} ticket {ticket}' }));
    h.button().click();
    expect(h.textarea().value).toBe('--\nAlain Roy <alain.roy@wisc.example.edu>\n2026-02-13 ticket 12345');
  });

  it('inserts a name with HTML or a script as text, never markup', () => {
    const evil = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
    const h = mount(EDITOR, settingsWith({ identity: { name: evil } }));
    h.button().click();
    expect(h.textarea().value).toContain(evil);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('finds the box again when the page replaced it (template picker)', () => {
    const h = mount(EDITOR);
    const fresh = document.createElement('textarea');
    fresh.className = 'description';
    fresh.name = 'description';
    fresh.value = 'From a template.';
    h.textarea().replaceWith(fresh);
    h.button().click();
    expect(fresh.value).toBe(`From a template.\n\n${SIGNED}`);
  });

  it('leaves the form alone: no submit, no changed attributes, no other field touched', () => {
    const h = mount(EDITOR);
    const form = document.querySelector('form')!;
    const submits: Event[] = [];
    form.addEventListener('submit', (e) => {
      submits.push(e);
      e.preventDefault();
    });
    const before = [...form.attributes].map((a) => `${a.name}=${a.value}`);
    h.button().click();
    expect(submits).toHaveLength(0);
    expect([...form.attributes].map((a) => `${a.name}=${a.value}`)).toEqual(before);
    expect(new FormData(form).get('description')).toBe(SIGNED);
    expect(new FormData(form).get('notify_assignees')).toBe('on');
  });
});

describe('with no name configured', () => {
  it('explains what to set, opens the options page and inserts nothing', () => {
    const h = mount(EDITOR, settingsWith({}));
    h.textarea().value = 'text';
    h.button().click();
    expect(h.textarea().value).toBe('text');
    const note = document.querySelector('[data-gta="signature-setup"]');
    expect(note?.textContent).toMatch(/set your name .*options.*Identity/i);
    expect(h.openOptions).toHaveBeenCalledWith('identity');
    h.button().click();
    expect(document.querySelectorAll('[data-gta="signature-setup"]')).toHaveLength(1);
  });

  it('works as soon as a name is saved in the options (no page reload)', () => {
    const h = mount(EDITOR, settingsWith({}));
    h.button().click();
    h.pushSettings(ALAIN);
    expect(document.querySelector('[data-gta="signature-setup"]')).toBeNull();
    h.button().click();
    expect(h.textarea().value).toBe(SIGNED);
  });

  it('offers a button to open the options again', () => {
    const h = mount(EDITOR, settingsWith({}));
    h.button().click();
    (document.querySelector('[data-gta="signature-setup-open"]') as HTMLButtonElement).click();
    expect(h.openOptions).toHaveBeenCalledTimes(2);
  });
});

describe('the keyboard command', () => {
  it('inserts at the cursor of the focused box and reports it', () => {
    const h = mount(EDITOR);
    const ta = h.textarea();
    ta.value = 'AB';
    ta.focus();
    ta.setSelectionRange(1, 1);
    expect(h.command()).toEqual({ inserted: true });
    expect(ta.value).toBe(`A\n\n${SIGNED}\nB`);
  });

  it('appends at the end when the box is not focused, then refuses to duplicate', () => {
    const h = mount(VIEWER);
    h.textarea().value = 'Hi';
    h.textarea().blur();
    expect(h.command()).toEqual({ inserted: true });
    expect(h.textarea().value).toBe(`Hi\n\n${SIGNED}`);
    expect(h.command()).toEqual({ inserted: false, reason: 'already-present' });
  });

  it('reports a missing identity', () => {
    const h = mount(EDITOR, settingsWith({}));
    expect(h.command()).toEqual({ inserted: false, reason: 'no-identity' });
    expect(h.textarea().value).toBe('');
  });

  it('reports when the box went away', () => {
    const h = mount(EDITOR);
    h.textarea().remove();
    expect(h.command()).toEqual({ inserted: false, reason: 'no-update-box' });
  });
});
