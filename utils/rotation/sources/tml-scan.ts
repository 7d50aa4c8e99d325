/**
 * The markup steps of a TWiki cell (struck-out text, tags, links, %VARIABLES%) as string scans.
 * Each gives exactly what its regex gave (kept in the comments), but never rescans: the regexes'
 * `[^>]*`, `[\s\S]*?` and `[^\]]*` runs restart at every `<`, `[[` or `%` and read to the end of
 * the text when the closing part is missing (quadratic on `<del><del>…`, `[[[[…`, `%A{%A{…`).
 */

/** First index ≥ from of `ch`, remembered: queries from increasing positions cost O(n) in all. */
function finder(s: string, ch: string): (from: number) => number {
  let asked = -1;
  let at = -1;
  return (from) => {
    if (asked >= 0 && from >= asked && (at < 0 || at >= from)) return at;
    asked = from;
    at = s.indexOf(ch, from);
    return at;
  };
}


/** `<(del|s|strike)\b[^>]*>[\s\S]*?<\/\1\s*>` (case-insensitive) → ' '. */
export function stripStruck(s: string): string {
  if (!/<(del|s|strike)\b/i.test(s)) return s;
  // Every closing `</name\s*>`, per name, in order; a pointer per name only moves forward.
  const closings: Record<string, { at: number; end: number }[]> = { del: [], s: [], strike: [] };
  for (const m of s.matchAll(/<\/(del|s|strike)\s*>/gi)) closings[m[1].toLowerCase()].push({ at: m.index, end: m.index + m[0].length });
  const next: Record<string, number> = { del: 0, s: 0, strike: 0 };
  const nextGt = finder(s, '>');
  const opening = /(del|strike|s)\b/iy;
  const out: string[] = [];
  let copied = 0;
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    opening.lastIndex = i + 1;
    const name = opening.exec(s)?.[1].toLowerCase();
    if (!name) continue;
    const gt = nextGt(opening.lastIndex);
    if (gt < 0) break; // no `>` left: no tag can open
    const list = closings[name];
    while (next[name] < list.length && list[next[name]].at <= gt) next[name] += 1;
    const close = list[next[name]];
    if (!close) continue;
    out.push(s.slice(copied, i), ' ');
    copied = close.end;
    i = close.end - 1;
  }
  return copied === 0 ? s : out.join('') + s.slice(copied);
}

/** `<[^>]+>` → `by`: nothing after the last `>` can match, and before it every `<` but `<>` does. */
export function stripTags(s: string, by = ' '): string {
  const cut = s.lastIndexOf('>') + 1;
  if (cut === 0) return s;
  return s.slice(0, cut).replace(/<[^>]+>/g, by) + s.slice(cut);
}

/**
 * `[[target][label]]` → label (first), then `[[target]]` → fromTarget(target): two passes, as the two
 * regexes `\[\[[^\]]*\]\[([^\]]*)\]\]` and `\[\[([^\]]*)\]\]` ran.
 */
export function replaceLinks(s: string, fromTarget: (target: string) => string): string {
  return replaceBareLinks(replaceLabelledLinks(s), fromTarget);
}

function replaceLabelledLinks(s: string): string {
  const nextClose = finder(s, ']');
  const out: string[] = [];
  let copied = 0;
  for (let i = s.indexOf('[['); i >= 0; ) {
    const j = nextClose(i + 2);
    if (j < 0) break;
    const k = s[j + 1] === '[' ? s.indexOf(']', j + 2) : -1;
    if (k >= 0 && s[k + 1] === ']') {
      out.push(s.slice(copied, i), s.slice(j + 2, k));
      copied = k + 2;
      i = s.indexOf('[[', copied);
      continue;
    }
    // Every start before j - 1 meets the same first `]` at j, and fails the same way.
    i = s.indexOf('[[', Math.max(i + 1, j - 1));
  }
  return copied === 0 ? s : out.join('') + s.slice(copied);
}

function replaceBareLinks(s: string, fromTarget: (target: string) => string): string {
  const nextClose = finder(s, ']');
  const out: string[] = [];
  let copied = 0;
  for (let i = s.indexOf('[['); i >= 0; ) {
    const j = nextClose(i + 2);
    if (j < 0) break;
    if (s[j + 1] === ']') {
      out.push(s.slice(copied, i), fromTarget(s.slice(i + 2, j)));
      copied = j + 2;
      i = s.indexOf('[[', copied);
      continue;
    }
    i = s.indexOf('[[', Math.max(i + 1, j - 1));
  }
  return copied === 0 ? s : out.join('') + s.slice(copied);
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isVarChar = (c: number) => isUpper(c) || (c >= 48 && c <= 57) || c === 95;

/** `%[A-Z][A-Z0-9_]*(\{[^}]*\})?%` (%RED%, %ENDCOLOR%, %ICON{…}%) → ' '. */
export function stripVariables(s: string): string {
  const nextBrace = finder(s, '}');
  const out: string[] = [];
  let copied = 0;
  for (let i = s.indexOf('%'); i >= 0; ) {
    let end = -1;
    if (isUpper(s.charCodeAt(i + 1))) {
      let m = i + 2;
      while (m < s.length && isVarChar(s.charCodeAt(m))) m += 1;
      if (s[m] === '%') end = m + 1;
      else if (s[m] === '{') {
        const b = nextBrace(m + 1);
        if (b >= 0 && s[b + 1] === '%') end = b + 2;
      }
    }
    if (end < 0) {
      i = s.indexOf('%', i + 1);
      continue;
    }
    out.push(s.slice(copied, i), ' ');
    copied = end;
    i = s.indexOf('%', end);
  }
  return copied === 0 ? s : out.join('') + s.slice(copied);
}
