/**
 * JIRA keys in ticket text (e.g. SOFTWARE-1234) and the tracker's URLs. Pure and total.
 */

export interface JiraKeyMatch {
  key: string;
  start: number;
  end: number;
}

/**
 * Upper-case prefixes that look like keys but are versions, standards or OS names in support text
 * (UTF-8, RHEL-7, CVE-2014-0160, SHA-256 …). A configured project key is always accepted.
 */
export const NOT_PROJECTS: ReadonlySet<string> = new Set([
  'UTF', 'ISO', 'RFC', 'CVE', 'SHA', 'MD', 'RHEL', 'EL', 'SL', 'SLF', 'CENTOS', 'OSG', 'X', 'TLS', 'SSL',
  'IPV', 'HTTP', 'HTTPS', 'TCP', 'UDP', 'GT', 'VDT', 'GLOBUS', 'CA', 'PID', 'UID', 'GID', 'CPU', 'GPU',
  'RAM', 'ID', 'NO', 'PORT', 'ERR', 'ERROR', 'RC', 'FC', 'SP', 'AES', 'DES', 'RSA', 'DSA', 'ECDSA', 'LHC',
  'CMS', 'ATLAS', 'GOC', 'GGUS', 'TX', 'PKCS', 'X509', 'ASCII', 'WIN', 'IE', 'KB', 'MB', 'GB', 'TB',
]);

/**
 * What a key is, as the regex it replaced: `(?<![\p{L}\p{N}_\-/.])([A-Z][A-Z0-9_]{1,19})-([1-9]\d{0,6})`
 * `(?![\p{L}\p{N}_]|-\d|\.\d)` with the `u` flag. A regex run over a whole long body costs far more
 * than linear on V8's large strings, so keys are found from each `-` followed by a digit, looking at
 * most 20 characters back and 8 ahead (issue 10, finding 1): linear, whatever the text.
 */
const MAX_PROJECT = 20;
const MAX_NUMBER = 7;
const NOT_BEFORE = /^[\p{L}\p{N}_\-/.]$/u;
const NOT_AFTER = /^[\p{L}\p{N}_]$/u;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isProjectChar = (c: number) => isUpper(c) || isDigit(c) || c === 95;

/** The code point ending just before `i` (a surrogate pair read whole), as a string; '' at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** The code point starting at `i`, as a string; '' at the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The key whose `-` is at `dash`, or null. */
function keyAt(text: string, dash: number): JiraKeyMatch | null {
  let start = dash;
  while (start > 0 && dash - start <= MAX_PROJECT && isProjectChar(text.charCodeAt(start - 1))) start--;
  const projectLength = dash - start;
  if (projectLength < 2 || projectLength > MAX_PROJECT || !isUpper(text.charCodeAt(start))) return null;
  if (NOT_BEFORE.test(charBefore(text, start))) return null;
  let end = dash + 1;
  while (end < text.length && end - dash <= MAX_NUMBER + 1 && isDigit(text.charCodeAt(end))) end++;
  const digits = end - dash - 1;
  if (digits < 1 || digits > MAX_NUMBER || text.charCodeAt(dash + 1) === 48) return null;
  const next = text.charCodeAt(end);
  if (NOT_AFTER.test(charAt(text, end)) || ((next === 45 || next === 46) && isDigit(text.charCodeAt(end + 1)))) return null;
  return { key: text.slice(start, end), start, end };
}

/** JIRA keys in `text`, in order. `projectKeys` (if given) are always accepted. */
export function findJiraKeys(text: string, projectKeys: readonly string[] = []): JiraKeyMatch[] {
  const out: JiraKeyMatch[] = [];
  const known = new Set(projectKeys.map((k) => k.trim().toUpperCase()).filter(Boolean));
  const body = String(text ?? '');
  for (let dash = body.indexOf('-'); dash >= 0; dash = body.indexOf('-', dash + 1)) {
    if (!isDigit(body.charCodeAt(dash + 1))) continue;
    const match = keyAt(body, dash);
    if (!match) continue;
    const project = match.key.slice(0, dash - match.start);
    if (!known.has(project) && NOT_PROJECTS.has(project)) continue;
    out.push(match);
  }
  return out;
}

/** A base URL that can be used (http/https, no trailing slash), or null. */
export function jiraBase(baseUrl: string): string | null {
  const raw = String(baseUrl ?? '').trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

export function issueUrl(baseUrl: string, key: string): string | null {
  const base = jiraBase(baseUrl);
  return base ? `${base}/browse/${encodeURIComponent(key)}` : null;
}

export interface NewIssueFields {
  ticketId: number | null;
  title: string;
  ticketUrl: string;
  /** Numeric JIRA project id (`pid`): the create page needs it to preselect the project. */
  projectId?: string;
  projectKey?: string;
}

/** The create page with summary and description prefilled. */
export function createIssueUrl(baseUrl: string, fields: NewIssueFields): string | null {
  const base = jiraBase(baseUrl);
  if (!base) return null;
  const params = new URLSearchParams();
  const pid = String(fields.projectId ?? '').trim();
  if (/^\d+$/.test(pid)) params.set('pid', pid);
  const id = fields.ticketId === null ? '' : `GOC ${fields.ticketId}: `;
  params.set('summary', `${id}${fields.title}`.slice(0, 250));
  params.set(
    'description',
    `From GOC ticket ${fields.ticketId ?? ''}${fields.title ? ` (${fields.title})` : ''}:\n${fields.ticketUrl}`,
  );
  return `${base}/secure/CreateIssueDetails!init.jspa?${params.toString()}`;
}
