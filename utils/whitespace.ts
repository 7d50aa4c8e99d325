/**
 * Whitespace collapsing and whitespace-insensitive search in one linear pass, for untrusted text of
 * any length (issue 10, finding 1). A global regex replace with 10^5+ matches builds a string per
 * match; these loops copy only what changes, or nothing at all. Pure.
 */

/** Exactly the characters of JS `\s` (and of `String.prototype.trim`). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Output is built in chunks of this many UTF-16 units (one `fromCharCode` call each). */
const CHUNK = 8192;

/**
 * Same as `text.replace(/\s+/g, ' ').trim()`, in one pass. Text whose runs are already single
 * spaces is returned uncopied; otherwise the rest is written unit by unit into a buffer and turned
 * into strings a chunk at a time, so 10^5 replaced runs cost no more than 10^5 plain characters
 * (no string per match).
 */
export function collapseWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  // The first run that is not already one plain space.
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) continue;
    if (c !== 32 || isSpaceCode(text.charCodeAt(i + 1))) {
      first = i;
      break;
    }
  }
  if (first < 0) return start === 0 && end === text.length ? text : text.slice(start, end);
  const pieces = [text.slice(start, first)];
  const buffer = new Uint16Array(Math.min(CHUNK, end - first));
  let n = 0;
  let prevSpace = false;
  for (let i = first; i < end; i++) {
    let c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (prevSpace) continue;
      prevSpace = true;
      c = 32;
    } else prevSpace = false;
    if (n === buffer.length) {
      pieces.push(String.fromCharCode.apply(null, buffer as unknown as number[]));
      n = 0;
    }
    buffer[n++] = c;
  }
  pieces.push(String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]));
  return pieces.join('');
}

/**
 * Whether `collapseWhitespace(haystack)` contains `needle`, without building that copy: the
 * collapsed characters are streamed through a KMP matcher (linear in both). `needle` must already
 * be collapsed; an empty needle is never found.
 */
export function includesCollapsed(haystack: string, needle: string): boolean {
  const m = needle.length;
  if (m === 0) return false;
  const fail = new Int32Array(m);
  for (let q = 1, k = 0; q < m; q++) {
    while (k > 0 && needle.charCodeAt(q) !== needle.charCodeAt(k)) k = fail[k - 1]!;
    if (needle.charCodeAt(q) === needle.charCodeAt(k)) k++;
    fail[q] = k;
  }
  let k = 0;
  let prevSpace = true; // leading whitespace emits nothing (the needle never starts with a space)
  for (let i = 0; i < haystack.length; i++) {
    let c = haystack.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (prevSpace) continue;
      prevSpace = true;
      c = 32;
    } else prevSpace = false;
    while (k > 0 && c !== needle.charCodeAt(k)) k = fail[k - 1]!;
    if (c === needle.charCodeAt(k)) k++;
    if (k === m) return true;
  }
  return false;
}
