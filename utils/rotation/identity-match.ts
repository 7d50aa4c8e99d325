/**
 * "Is it me?": the duty person as the rotation writes it ("Alain Roy", "alain.roy@…", "AlainRoy",
 * "Aláin ROY") against the user's identity (name, aliases, e-mail) and the team roster, ignoring
 * case, accents, punctuation and spacing.
 */

export interface IdentityLike {
  name?: string;
  email?: string;
  aliases?: readonly string[];
  footprintsId?: string;
}

export interface TeamMemberLike {
  name: string;
  emails?: readonly string[];
  aliases?: readonly string[];
}

/** Lower case, accents and punctuation removed, single spaces: "Aláin  ROY." → "alain roy". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+_-]+/gu, ' ')
    .split(' ')
    .map(trimTrailingPunct)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Drops a word's trailing run of . _ - ("Roy." → "Roy"). A loop, not `[._-]+(?=\s|$)`: that pattern
 * rescans the rest of a long run from every position in it (quadratic on "a....…x").
 */
function trimTrailingPunct(word: string): string {
  let end = word.length;
  while (end > 0) {
    const c = word.charCodeAt(end - 1);
    if (c !== 46 && c !== 95 && c !== 45) break;
    end -= 1;
  }
  return end === word.length ? word : word.slice(0, end);
}

/** Keys a name can be matched by: the normalised text and the same without spaces (WikiNames). */
function keysOf(text: string): string[] {
  const normal = normalizeName(text);
  if (!normal) return [];
  if (normal.includes('@')) return [normal];
  const compact = normal.replace(/[\s.'’_-]+/g, '');
  return compact && compact !== normal ? [normal, compact] : [normal];
}

export function samePerson(a: string, b: string): boolean {
  const bKeys = new Set(keysOf(b));
  return keysOf(a).some((k) => bKeys.has(k));
}

function memberKeys(member: TeamMemberLike): string[] {
  return [member.name, ...(member.aliases ?? []), ...(member.emails ?? [])].flatMap(keysOf);
}

/** The roster entry the rotation's text refers to, if any. */
export function findTeamMember<T extends TeamMemberLike>(
  person: string,
  team: readonly T[],
  email?: string,
): T | undefined {
  const wanted = new Set([...keysOf(person), ...(email ? keysOf(email) : [])]);
  if (wanted.size === 0) return undefined;
  return team.find((m) => memberKeys(m).some((k) => wanted.has(k)));
}

/** How to show a rotation entry: the roster's name when the source only gave an e-mail or a WikiName. */
export function displayName(person: string, team: readonly TeamMemberLike[], email?: string): string {
  return findTeamMember(person, team, email)?.name ?? person;
}

/** True when the duty person is the user (directly, or through the same roster entry). */
export function isMe(
  person: string | null | undefined,
  identity: IdentityLike,
  team: readonly TeamMemberLike[] = [],
  email?: string,
): boolean {
  if (!person) return false;
  const mine = new Set(
    [identity.name ?? '', identity.email ?? '', ...(identity.aliases ?? [])].filter(Boolean).flatMap(keysOf),
  );
  if (mine.size === 0) return false;
  const theirs = new Set([...keysOf(person), ...(email ? keysOf(email) : [])]);
  const member = findTeamMember(person, team, email);
  if (member) for (const k of memberKeys(member)) theirs.add(k);
  for (const k of theirs) if (mine.has(k)) return true;
  return false;
}
