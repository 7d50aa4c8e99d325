/**
 * A phone number from a signature: a labelled line ("Phone: +1 608 555 0100", "Tel.: …",
 * "Mobile …") among the last lines of the writer's own words. Only labelled numbers are taken, so
 * a job id or a log timestamp is never read as a phone. Bounded: the last 40 lines, each ≤ 100
 * characters. Pure.
 */
const LABELLED = /^(phone|tel|telephone|téléphone|tél|telefon|telefono|teléfono|mobile|mobil|cell|office|ph|fon|mob|direct)\b\.?\s*(\([^)]{1,20}\))?\s*[:.]?\s*(\+?[\d][\d ().\-/]{5,28}\d(\s*(x|ext\.?)\s*\d{1,6})?)\s*$/i;

export function findPhone(text: string): string {
  const lines = text.slice(-8192).split('\n').slice(-40);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim().replace(/^[|*-]\s*/, '');
    if (line.length > 100) continue;
    const m = LABELLED.exec(line);
    // The number group starts and ends with a digit (never white space) and always holds digits.
    if (m && m[3]!.replace(/\D/g, '').length >= 7) return m[3]!;
  }
  return '';
}
