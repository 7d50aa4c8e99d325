/**
 * Expert suggestions: which people from the experts list (settings `experts`: topic, keywords,
 * people) fit a ticket, by keywords in its title or bodies. Whole words only, case-insensitive
 * ("CE" does not match "certificate"; "HTCondor-CE" and "C++" work). Pure and total.
 */

export interface ExpertEntry {
  topic: string;
  keywords: readonly string[];
  people: readonly string[];
}

export interface ExpertSuggestion {
  person: string;
  /** Every topic that brought this person up, with the keywords found. */
  topics: { topic: string; keywords: string[] }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A keyword as a whole-word, case-insensitive pattern; null for an empty keyword. */
export function keywordPattern(keyword: string): RegExp | null {
  const k = String(keyword ?? '').trim();
  if (!k) return null;
  // Inner whitespace matches any run of whitespace; the ends must not touch a letter or digit.
  const body = k.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'iu');
}

export function suggestExperts(experts: readonly ExpertEntry[], texts: readonly string[]): ExpertSuggestion[] {
  const haystack = texts.filter((t) => typeof t === 'string').join('\n');
  const byPerson = new Map<string, ExpertSuggestion>();
  const order: string[] = [];
  for (const entry of Array.isArray(experts) ? experts : []) {
    if (!entry || !Array.isArray(entry.keywords) || !Array.isArray(entry.people)) continue;
    const found: string[] = [];
    for (const keyword of entry.keywords) {
      const pattern = keywordPattern(keyword);
      if (pattern && pattern.test(haystack) && !found.includes(keyword.trim())) found.push(keyword.trim());
    }
    if (found.length === 0) continue;
    for (const rawPerson of entry.people) {
      const person = String(rawPerson ?? '').trim();
      if (!person) continue;
      const key = person.toLowerCase();
      let suggestion = byPerson.get(key);
      if (!suggestion) {
        suggestion = { person, topics: [] };
        byPerson.set(key, suggestion);
        order.push(key);
      }
      if (!suggestion.topics.some((t) => t.topic === entry.topic)) {
        suggestion.topics.push({ topic: String(entry.topic ?? ''), keywords: found });
      }
    }
  }
  // People with more matching topics first; otherwise the order of the experts list.
  return order
    .map((key, i) => ({ s: byPerson.get(key)!, i }))
    .sort((a, b) => b.s.topics.length - a.s.topics.length || a.i - b.i)
    .map((x) => x.s);
}

/**
 * The most of a display name (or a topic, team or search query) that is folded: real names are a few
 * dozen characters and list labels are cut at 1,000 (fblist.ts), so this only bounds the work on
 * hostile page text (issue 10, finding 1).
 */
export const DISPLAY_NAME_MAX = 2_000;

/** A display name folded for matching and searching: case, accents and spacing ignored. */
export function foldDisplayName(text: string): string {
  return String(text ?? '')
    .slice(0, DISPLAY_NAME_MAX)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether two assignee labels name the same person (foldDisplayName); blank never matches. */
export function sameDisplayName(a: string, b: string): boolean {
  const na = foldDisplayName(a);
  return na.length > 0 && na === foldDisplayName(b);
}
