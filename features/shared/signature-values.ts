/**
 * The signed-in user's rendered signature on a ticket page, for the unsigned-update guard.
 * Uses the signature helper's pure template code (utils/signature.ts) so both render alike.
 */
import { formatSignatureDate, renderSignature } from '../../utils/signature';
import type { Settings } from '../../utils/settings';
import type { GocPage } from '../../utils/goc/page';
import { normalizeName } from '../../utils/responders/names';

/** identity.name, else the name in the navbar (`#menu_user`). */
export function myName(settings: Settings, page: GocPage): string {
  return (settings.identity?.name ?? '').trim() || (page.userName ?? '').trim();
}

/** The signature template rendered for `name` (by default: identity.name, else the navbar's name) on this ticket. */
export function mySignature(settings: Settings, page: GocPage, now: Date, name = myName(settings, page)): string {
  if (!name) return '';
  return renderSignature(settings.signature ?? '', {
    name,
    email: settings.identity?.email ?? '',
    date: formatSignatureDate(now, settings.rotation?.timeZone ?? 'UTC'),
    ticket: page.ticketId === null ? '' : String(page.ticketId),
  });
}

/**
 * Names that count as "signed" in the last lines: full name, identity aliases, and the aliases of
 * the team-roster entry that is me (same name or e-mail), e.g. "Thanks,\nAlain".
 */
export function myNames(settings: Settings, page: GocPage): string[] {
  const name = myName(settings, page);
  const email = (settings.identity?.email ?? '').trim().toLowerCase();
  const me = (settings.team ?? []).find(
    (m) =>
      (name && normalizeName(m.name) === normalizeName(name)) ||
      (email && (m.emails ?? []).some((e) => e.trim().toLowerCase() === email)),
  );
  const names = [name, ...(settings.identity?.aliases ?? []), ...(me ? [me.name, ...(me.aliases ?? [])] : [])];
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
}
