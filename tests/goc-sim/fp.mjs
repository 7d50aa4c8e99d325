/**
 * Footprints text encoding and the GOC viewer's body rendering (docs/goc-pages.md §5.2, §5.3).
 * Stored bodies are plain text; FP hands them out with some punctuation as numeric references,
 * and the PHP viewer prints them without escaping. These helpers reproduce that output.
 */

/** FP's numeric references seen in sample data. `&`, `@`, `/`, `=` stay literal (bare `&`). */
export function fpEncode(text) {
  return String(text)
    .replace(/:/g, '&#58;')
    .replace(/>/g, '&#62;')
    .replace(/</g, '&#60;')
    .replace(/'/g, '&#39;');
}

/**
 * Text that the real site printed raw (titles, names, e-mails, CCs). The simulator neutralises
 * markup characters so the page itself never runs payloads (README "Deviations"); `&` stays bare
 * like FP's, so entity-encoded payloads still reach the DOM as decoded text.
 */
export function safeText(text) {
  return String(text ?? '')
    .replace(/</g, '&#60;')
    .replace(/>/g, '&#62;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

/** Full HTML escaping (our own attributes, JSON-ish output). */
export function escapeHtml(text) {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function escapeXml(text) {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes numeric and the common named references (for JSON ground truth, never for pages). */
export function decodeEntities(html) {
  return String(html).replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref] ?? m;
  });
}

/** JSON for an inline <script>: no `</script>` or line separators can end it early. */
export function inlineJson(value) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export const META_TAG = '[META Information]';

/** Splits FP text at `\n[META Information]` → { text, meta } (meta null when absent). */
export function splitMeta(body) {
  const i = body.indexOf(`\n${META_TAG}`);
  if (i < 0) return { text: body, meta: null };
  return { text: body.slice(0, i), meta: body.slice(i + 1 + META_TAG.length).replace(/^\n/, '') };
}

/**
 * Narrow URL autolinking: only these schemes followed by the encoded colon, a host with a 2–3
 * letter TLD, an optional port and a limited set of path characters.
 */
const URL_RE = /(?:https?|ftps?|gsiftp|srm)&#58;\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,3}(?:&#58;\d+)?(?:\/[A-Za-z0-9\-._?,/+%$=~]*(?:&(?!#)[A-Za-z0-9\-._?,/+%$=~]*)*)?/;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,4}\b/;
const LINK_RE = new RegExp(`(${URL_RE.source})|(${EMAIL_RE.source})`, 'g');

/** `local@....` — how guests see an e-mail address. */
export function maskEmail(email) {
  const at = email.indexOf('@');
  return at < 0 ? email : `${email.slice(0, at)}@....`;
}

export function isEmail(s) {
  return new RegExp(`^${EMAIL_RE.source}$`).test(String(s));
}

/** Links URLs and e-mails in FP-encoded text; guests get masked e-mails and no mailto links. */
export function linkify(encoded, { guest }) {
  return encoded.replace(LINK_RE, (m, url, email) => {
    if (url) return `<a href="${url}" target="_blank" rel="nofollow">${url}</a>`;
    if (guest) return maskEmail(email);
    return `<a href="mailto:${email}">${email}</a>`;
  });
}

/** PHP trim(): spaces, tabs, CR, LF, NUL, vertical tab. */
export function phpTrim(line) {
  return line.replace(/^[ \t\r\n\0\x0B]+|[ \t\r\n\0\x0B]+$/g, '');
}

export const SHOW_LINES = 35;

/**
 * The inner HTML of an update's `pre`: encode, link, trim lines, grey quoted lines, and past 35
 * lines the "Show More" block inside the `pre` (docs/goc-pages.md §5.2).
 */
export function renderBodyHtml(text, { guest = false, expandall = false, uid = 0 } = {}) {
  const linked = linkify(fpEncode(text), { guest });
  const lines = linked.split('\n').map((raw) => {
    const line = phpTrim(raw);
    return line.startsWith('&#62;') ? `<font color='#7F7E6F'>${line}</font>` : line;
  });
  if (expandall || lines.length <= SHOW_LINES) return lines.join('\n');
  const head = lines.slice(0, SHOW_LINES).join('\n');
  const rest = lines.slice(SHOW_LINES).join('\n');
  return (
    `${head}\n` +
    `<div id="show_${uid}"><button class="btn">Show More</button></div>` +
    `<div class="detail hidden" id="detail_${uid}">${rest}</div>` +
    `<script>$("#show_${uid} button").click(function() { $("#show_${uid}").hide(); ` +
    `$("#detail_${uid}").hide().removeClass("hidden").slideDown(); return false; });</script>`
  );
}

/** META / history blocks: encoded, trimmed, not linked. */
export function renderPlainPre(text) {
  return fpEncode(text)
    .split('\n')
    .map(phpTrim)
    .join('\n');
}

/** Strips non-ASCII (RSS and Solr copies). */
export function asciiOnly(s) {
  return String(s).replace(/[^\x00-\x7f]/g, '');
}
