/**
 * Optional host access the settings no longer use (issue 10). Pure: the caller passes what the
 * browser has granted (`permissions.getAll().origins`), the manifest, and the settings.
 *
 * Origins are compared by scheme and host name (match patterns have no port; the path is ignored).
 * A granted pattern stays when it covers an origin in use or is covered by a required one.
 */

/** The parts of the settings that point at hosts the background fetches from. */
export interface GrantSettings {
  rotation: { source: string };
  queue: { gocBaseUrl: string };
  /** The other GOC sites the user added (their content scripts need the grant). */
  goc?: { extraOrigins?: readonly string[] };
}

/** The parts of the manifest that grant host access without asking. */
export interface ManifestHosts {
  host_permissions?: readonly string[];
  permissions?: readonly string[];
  content_scripts?: ReadonlyArray<{ matches?: readonly string[] }>;
}

interface Pattern {
  scheme: string;
  host: string;
}

/** `https://host:8443/x` → `https://host/*`; null for anything but http(s) or a bad URL. */
export function patternFor(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * Patterns for every address the settings fetch from or run on: the rotation source, the queue's
 * GOC address, the other GOC sites (`goc.extraOrigins`), and any further addresses (`extra`).
 */
export function originsInUse(settings: GrantSettings, extra: readonly string[] = []): string[] {
  const urls = [settings.rotation?.source ?? '', settings.queue?.gocBaseUrl ?? '', ...(settings.goc?.extraOrigins ?? []), ...extra];
  const patterns = urls.map((u) => (u ? patternFor(u) : null)).filter((p): p is string => !!p);
  return [...new Set(patterns)];
}

/** Host patterns the manifest grants for good (never ours to drop). */
export function requiredOrigins(manifest: ManifestHosts): string[] {
  const isHost = (p: string) => p === '<all_urls>' || p.includes('://');
  return [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter(isHost),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ];
}

function parse(pattern: string): Pattern | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*' };
  const at = pattern.indexOf('://');
  if (at <= 0) return null;
  const scheme = pattern.slice(0, at).toLowerCase();
  const rest = pattern.slice(at + 3);
  const slash = rest.indexOf('/');
  const hostPort = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  // Drop a port; keep an IPv6 literal's brackets whole.
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0];
  return host ? { scheme, host } : null;
}

function schemeCovers(granted: string, used: string): boolean {
  return granted === used || (granted === '*' && (used === 'http' || used === 'https'));
}

function hostCovers(granted: string, used: string): boolean {
  if (granted === '*' || granted === used) return true;
  if (!granted.startsWith('*.')) return false;
  const base = granted.slice(2);
  return used === base || used.endsWith(`.${base}`);
}

function covers(granted: Pattern, used: Pattern): boolean {
  return schemeCovers(granted.scheme, used.scheme) && hostCovers(granted.host, used.host);
}

/** Granted origins that no setting uses and the manifest does not require: the ones to remove. */
export function grantsToDrop(input: { granted: readonly string[]; inUse: readonly string[]; required: readonly string[] }): string[] {
  const inUse = input.inUse.map(parse).filter((p): p is Pattern => !!p);
  const required = input.required.map(parse).filter((p): p is Pattern => !!p);
  const drop: string[] = [];
  for (const origin of input.granted) {
    const granted = parse(origin);
    // A form we do not understand is left alone rather than guessed at.
    if (!granted) continue;
    if (required.some((r) => covers(r, granted))) continue;
    if (inUse.some((u) => covers(granted, u))) continue;
    if (!drop.includes(origin)) drop.push(origin);
  }
  return drop;
}
