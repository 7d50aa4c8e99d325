import fc from 'fast-check';
import { describe, it } from 'vitest';
import { normalizeName } from '../../../utils/responders';
import { isUpdateSigned, SIGNED_WINDOW } from '../../../utils/unsigned-guard';
/** The split/filter implementation the backwards line reader replaced (issue 10, finding 1): the reference. */
function reference(text: string, check: { signature: string; names: string[] }): boolean {
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  const body = String(text ?? '');
  const sig = squash(check.signature ?? '');
  if (sig && squash(body).includes(sig)) return true;
  const tail = body.split('\n').map((l) => l.trim()).filter((l) => l && !/^(>|&#62;)/.test(l)).slice(-SIGNED_WINDOW).map((l) => ` ${normalizeName(l)} `).join('\n');
  return check.names.some((n) => { const key = normalizeName(n); return key.length >= 2 && tail.includes(` ${key} `); });
}
describe('isUpdateSigned (read backwards, searched without a copy)', () => {
  it('decides exactly as the split-every-line reference on random mixes of names, quotes, blanks and odd whitespace', () => {
  const piece = fc.constantFrom('\n', ' ', '\t', '\r\n', '\u2028', '>', '&#62;', 'Alain', 'Roy', 'alain roy', 'OSG', 'x', 'Σ', 'İ', '-', '\u00a0');
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
  fc.assert(fc.property(text, fc.constantFrom('', 'Alain Roy\nOSG', 'ALAIN  ROY', 'Σ x'), (t, signature) => {
    const check = { signature, names: ['Alain Roy', 'Alain'] };
    return isUpdateSigned(t, check) === reference(t, check);
  }), { numRuns: 20000 });
  });
});
