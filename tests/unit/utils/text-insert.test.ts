// @vitest-environment happy-dom
/** utils/text-insert.ts: the browser editing path when it works, a value + input event when not. */
import { insertTextAt } from '../../../utils/text-insert';

function box(value: string): HTMLTextAreaElement {
  document.body.innerHTML = '';
  const ta = document.createElement('textarea');
  ta.value = value;
  document.body.append(ta);
  return ta;
}

afterEach(() => vi.restoreAllMocks());

describe('insertTextAt', () => {
  it('uses execCommand("insertText") at the given range when the browser supports it', () => {
    const ta = box('Hello world');
    const exec = vi.fn((command: string, _ui: boolean, text: string) => {
      // What a browser does: replace the current selection, caret after the text.
      const { selectionStart: s, selectionEnd: e } = ta;
      ta.value = ta.value.slice(0, s) + text + ta.value.slice(e);
      ta.setSelectionRange(s + text.length, s + text.length);
      return command === 'insertText';
    });
    (document as unknown as { execCommand: unknown }).execCommand = exec;
    const inputs: Event[] = [];
    ta.addEventListener('input', (e) => inputs.push(e));
    expect(insertTextAt(ta, 5, 11, ' there')).toBe('execCommand');
    expect(exec).toHaveBeenCalledWith('insertText', false, ' there');
    expect(ta.value).toBe('Hello there');
    expect(document.activeElement).toBe(ta);
    // The browser fires its own input event; we add none (no double handling by the page).
    expect(inputs).toHaveLength(0);
  });

  it.each([
    ['is missing', undefined],
    ['reports failure', vi.fn(() => false)],
    ['claims success but changes nothing', vi.fn(() => true)],
    ['throws', vi.fn(() => { throw new Error('not supported'); })],
  ])('falls back to value + input event when execCommand %s', (_label, exec) => {
    const ta = box('Hello\n');
    (document as unknown as { execCommand: unknown }).execCommand = exec;
    const inputs: InputEvent[] = [];
    ta.addEventListener('input', (e) => inputs.push(e as InputEvent));
    expect(insertTextAt(ta, 6, 6, '--\nAlain')).toBe('fallback');
    expect(ta.value).toBe('Hello\n--\nAlain');
    expect(ta.selectionStart).toBe(14);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.bubbles).toBe(true);
    expect(inputs[0]!.data).toBe('--\nAlain');
  });

  it('never inserts twice when execCommand did insert but returned false', () => {
    const ta = box('A');
    (document as unknown as { execCommand: unknown }).execCommand = vi.fn((_c: string, _u: boolean, text: string) => {
      ta.value = ta.value + text;
      return false;
    });
    insertTextAt(ta, 1, 1, 'B');
    expect(ta.value).toBe('AB');
  });

  it('inserts markup-looking text as plain text', () => {
    const ta = box('');
    (document as unknown as { execCommand: unknown }).execCommand = undefined;
    insertTextAt(ta, 0, 0, '<script>alert(1)</script>');
    expect(ta.value).toBe('<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
  });
});
