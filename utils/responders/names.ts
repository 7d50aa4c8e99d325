/**
 * Names as people write them: normalisation for lookups (accents, transliterations, hyphens,
 * apostrophes), "looks like a person's name", and the name inside a signature line
 * ("Dr. Hans Müller, Ph.D.", "Wei Zhang | RACF"). Linear time: no regex with overlapping
 * quantifiers; long text is refused by length before any pattern runs.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** . - _ */
const isEdgePunct = (code: number) => code === 46 || code === 45 || code === 95;

/** Drops leading and trailing runs of . - _ from each space-separated word (one pass). */
function trimWordEdges(text: string): string {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    let a = 0;
    let b = word.length;
    while (a < b && isEdgePunct(word.charCodeAt(a))) a += 1;
    while (b > a && isEdgePunct(word.charCodeAt(b - 1))) b -= 1;
    if (b > a) out.push(word.slice(a, b));
  }
  return out.join(' ');
}

/** Lower case, accents removed, punctuation to spaces: "Sélmeci, Mat." → "selmeci mat". */
/** Longest text normalised: names and signature lines are far shorter; the rest is cut, not read. */
const NAME_TEXT_LIMIT = 4096;

export function normalizeName(text: string): string {
  const raw = String(text ?? '').slice(0, NAME_TEXT_LIMIT);
  // Plain ASCII (most names and e-mails) skips Unicode normalisation: cheaper on a cold page.
  const folded = PRINTABLE_ASCII.test(raw)
    ? raw.toLowerCase().replace(/[^a-z0-9@.+_-]+/g, ' ')
    : raw
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ');
  return trimWordEdges(folded);
}

/** Plain names (letters, spaces, . ' , -) are compared loosely; anything else only as typed. */
const PLAIN_NAME = /^[\p{L}\p{M}\s.'’,-]+$/u;
const PLAIN_ASCII_NAME = /^[A-Za-z\s.',-]+$/;

/** The key a name is looked up by: loose for real names, exact (case- and space-folded) otherwise. */
export function nameKey(text: string): string {
  const raw = String(text ?? '').slice(0, NAME_TEXT_LIMIT).replace(/\s+/g, ' ').trim();
  if (!raw) return '';
  const plain = PRINTABLE_ASCII.test(raw) ? PLAIN_ASCII_NAME.test(raw) : PLAIN_NAME.test(raw);
  return plain ? normalizeName(raw) : `=${raw.toLowerCase()}`;
}

/** Letters NFD does not decompose, as written without them ("Sørensen" → "Sorensen"). */
const PLAIN_LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', þ: 'th', œ: 'oe', ı: 'i', ð: 'd' };
/** German and Scandinavian transliterations ("Müller" → "Mueller", "Sørensen" → "Soerensen"). */
const TRANSLITERATED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', æ: 'ae', å: 'aa', ß: 'ss' };

const SPECIAL_PLAIN = /[øæßłđþœıð]/g;
const SPECIAL_TRANSLIT = /[äöüøæåß]/g;

/** Letters and digits only, accents dropped, special letters spelled out. */
function lettersOnly(lower: string): string {
  if (PRINTABLE_ASCII.test(lower)) return lower.replace(/[^a-z0-9]+/g, '');
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(SPECIAL_PLAIN, (m) => PLAIN_LETTERS[m] ?? m)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Keys that ignore spaces, hyphens, apostrophes and accents: "Marie Claire Dubois", "OKeefe",
 * "Jorgen Sorensen" all meet their written forms. The first key is how a query is folded; the
 * others are extra spellings a stored name also answers to ("Müller" as "Mueller").
 */
export function compactKeys(name: string): string[] {
  const text = String(name ?? '');
  if (text.length > 120) return [];
  const lower = text.toLowerCase();
  const plain = lettersOnly(lower);
  if (!/[äöüøæåß]/.test(lower)) return [plain];
  const translit = lettersOnly(lower.replace(SPECIAL_TRANSLIT, (m) => TRANSLITERATED[m] ?? m));
  return plain === translit ? [plain] : [plain, translit];
}

export function compactKey(name: string): string {
  return compactKeys(name)[0] ?? '';
}

const NOT_NAME_WORDS = new Set([
  'the', 'team', 'support', 'thanks', 'thank', 'regards', 'cheers', 'best', 'hi', 'hello', 'dear', 'please',
  'sent', 'from', 'to', 'subject', 'date', 'cc', 'on', 'wrote', 'ticket', 'update', 'note', 'ps', 'p.s',
  'and', 'or', 'for', 'with', 'you', 'your', 'we', 'i', 'it', 'is', 'this', 'that', 'let', 'me', 'know',
]);

/** Lower-case name particles ("Pieter van den Berg", "Ana da Silva"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'du', 'la', 'le', 'y', 'ter', 'ten', 'zu', 'bin', 'al']);

/**
 * Words of organisations, roles and places: a line with one of them is a signature's second line,
 * never the person ("Fermilab Scientific Computing Division", "UW-Madison Help Desk").
 */
const ORG_WORDS = new Set([
  'university', 'universiteit', 'universitat', 'universitet', 'universitetet', 'universite', 'universita', 'universidad', 'universidade', 'uniwersytet',
  'institute', 'institut', 'instituto', 'istituto', 'institutet', 'laboratory', 'laboratories', 'lab', 'labs', 'laboratorio', 'laboratoire',
  'division', 'department', 'dept', 'departement', 'center', 'centre', 'centro', 'computing', 'computation', 'group', 'team', 'support',
  'operations', 'services', 'service', 'facility', 'college', 'school', 'physics', 'collaboration', 'project', 'office', 'inc', 'llc',
  'ltd', 'corp', 'corporation', 'gmbh', 'desk', 'helpdesk', 'admin', 'admins', 'administrator', 'systems', 'research', 'science',
  'sciences', 'scientific', 'engineering', 'engineer', 'network', 'networks', 'grid', 'cluster', 'hpc', 'infrastructure', 'national',
  'technologies', 'technology', 'sector', 'section', 'sezione', 'seksjon', 'manager', 'director', 'professor', 'analyst', 'developer',
  'coordinator', 'administration', 'storage', 'data', 'prosupport', 'foundation', 'council', 'agency', 'nucleo', 'osg', 'goc', 'cern',
]);

function fold(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A line that names an organisation, department or role rather than a person. */
export function isOrganisationLine(text: string): boolean {
  const t = String(text ?? '');
  if (t.length > 200) return false;
  for (const raw of t.split(/[\s,/()–—-]+/)) {
    const w = fold(raw.replace(/[.:;]+$/, ''));
    if (w && ORG_WORDS.has(w)) return true;
    // Acronyms (CHTC, FNAL, RACF) name organisations; initials like "BL" are looked up first.
    if (raw.length >= 3 && raw.length <= 8 && /^[A-Z]+$/.test(raw)) return true;
  }
  return false;
}

/** Looks like a person's name: 1–4 capitalised words (particles aside), no digits, not a stock phrase. */
export function isNameLike(text: string): boolean {
  const t = String(text ?? '').trim();
  if (t.length < 2 || t.length > 50 || /[\d@:/\\<>()[\]{}|=+*#$%^&"]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  let capitalised = 0;
  let particles = 0;
  for (const [i, w] of words.entries()) {
    if (!/^[\p{L}][\p{L}'’.-]*,?$/u.test(w)) return false;
    const lower = w.toLowerCase().replace(/[,.]$/, '');
    if (NOT_NAME_WORDS.has(lower)) return false;
    if (/^\p{Lu}/u.test(w)) capitalised += 1;
    else if (i > 0 && i < words.length - 1 && PARTICLES.has(lower)) particles += 1;
  }
  return capitalised + particles === words.length && words.length - particles <= 4;
}

const TITLES = new Set(['dr', 'dr.', 'prof', 'prof.', 'dott', 'dott.', 'dott.ssa', 'ing', 'ing.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mgr', 'mgr.', 'herr', 'frau']);
const GREETINGS = /^(hi|hello|hey|dear|hallo|bonjour|hola|hej|hei|ciao|buongiorno|ola|olá|salve|hoi|moin|servus|greetings)\b/i;

/**
 * The person's name inside a signature line, or '' when the line is not a name:
 * "Dr. Maria Dimou" → "Maria Dimou"; "Emily Carter-Jones (she/her)" → "Emily Carter-Jones";
 * "Hans Müller, Ph.D." / "Wei Zhang | RACF" / "Wei Zhang - BNL SDCC" → the name before the separator.
 * `known` says whether a text names a known person (tried first, so "Smith, Jane" stays whole).
 */
export function personName(line: string, known: (text: string) => boolean): string {
  let t = String(line ?? '').trim();
  if (!t || t.length > 120 || GREETINGS.test(t)) return '';
  t = t.replace(/^[-–—~]+\s*/, '').replace(/[,.!;]+$/, '').trim();
  if (!t) return '';
  if (known(t)) return t;
  // "Name (she/her)", "Name (Fermilab)"
  const paren = t.indexOf(' (');
  if (paren > 0 && t.endsWith(')')) t = t.slice(0, paren).trim();
  // "Name | org", "Name - org", "Name, org / degree"
  for (const sep of [' | ', ' – ', ' — ', ' - ', ', ']) {
    const at = t.indexOf(sep);
    if (at > 0) {
      const head = t.slice(0, at).trim();
      if (known(head) || (isNameLike(head) && !isOrganisationLine(head))) {
        t = head;
        break;
      }
    }
  }
  const words = t.split(/\s+/);
  while (words.length > 2 && TITLES.has(words[0].toLowerCase())) words.shift();
  t = words.join(' ');
  if (known(t)) return t;
  return isNameLike(t) && !isOrganisationLine(t) ? t.replace(/[,.]$/, '') : '';
}

/** The DN's CN without the numeric id: `/DC=org/…/CN=Alain Roy 424511` → "Alain Roy". */
export function nameFromDn(dn: string): string {
  // Split only where a new attribute starts ("/CN=", "/OU="): a CN may itself contain "/".
  const parts = String(dn ?? '').slice(0, 2000).split(/\/(?=[A-Za-z][A-Za-z0-9.]{0,20}=)/).map((p) => p.trim());
  const cns = parts.filter((p) => /^CN=/i.test(p)).map((p) => p.slice(3).trim());
  for (const cn of cns) {
    if (!cn || cn.length > 200 || /^\d+$/.test(cn) || /^(limited )?proxy$/i.test(cn)) continue;
    return cn.replace(/\s+(UID:)?[\w-]{0,40}\d{3,}$/i, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  }
  return '';
}

/** "jane.smith", "jsmith", "janes", "smith" fit "Jane Smith"; "dkim" fits "Daniel Kim". */
export function localPartFitsName(local: string, name: string): boolean {
  if (local.length > 100 || name.length > 200) return false;
  const words = normalizeName(name.replace(/['’]/g, '')).split(' ').filter((w) => /^[\p{L}]+$/u.test(w));
  if (words.length < 2) return false;
  const first = words[0];
  const last = words[words.length - 1];
  const l = local.toLowerCase().replace(/\d+$/, '');
  const parts = l.split(/[._-]+/).filter(Boolean);
  if (parts.length >= 2) return parts[0] === first && parts[parts.length - 1] === last;
  return [first + last, first[0] + last, first + last[0], last + first[0], last].includes(l) && l.length >= 3;
}
