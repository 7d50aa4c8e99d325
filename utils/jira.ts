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
const NOT_PROJECTS = new Set([
  'UTF', 'ISO', 'RFC', 'CVE', 'SHA', 'MD', 'RHEL', 'EL', 'SL', 'SLF', 'CENTOS', 'OSG', 'X', 'TLS', 'SSL',
  'IPV', 'HTTP', 'HTTPS', 'TCP', 'UDP', 'GT', 'VDT', 'GLOBUS', 'CA', 'PID', 'UID', 'GID', 'CPU', 'GPU',
  'RAM', 'ID', 'NO', 'PORT', 'ERR', 'ERROR', 'RC', 'FC', 'SP', 'AES', 'DES', 'RSA', 'DSA', 'ECDSA', 'LHC',
  'CMS', 'ATLAS', 'GOC', 'GGUS', 'TX', 'PKCS', 'X509', 'ASCII', 'WIN', 'IE', 'KB', 'MB', 'GB', 'TB',
]);

const KEY = /(?<![\p{L}\p{N}_\-/.])([A-Z][A-Z0-9_]{1,19})-([1-9]\d{0,6})(?![\p{L}\p{N}_]|-\d|\.\d)/gu;

/** JIRA keys in `text`, in order. `projectKeys` (if given) are always accepted. */
export function findJiraKeys(text: string, projectKeys: readonly string[] = []): JiraKeyMatch[] {
  const out: JiraKeyMatch[] = [];
  const known = new Set(projectKeys.map((k) => k.trim().toUpperCase()).filter(Boolean));
  for (const m of String(text ?? '').matchAll(KEY)) {
    const project = m[1];
    if (!known.has(project) && NOT_PROJECTS.has(project)) continue;
    const start = m.index ?? 0;
    out.push({ key: m[0], start, end: start + m[0].length });
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
