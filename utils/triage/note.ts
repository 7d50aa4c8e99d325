/**
 * The short note the triage panel can put into the New Update box: "Assigning to Brian Lin and Kelly
 * Fong (HTCondor-CE, Glidein factory)." over the user's signature. Pure; names stay plain text.
 */

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  const list = names.map((n) => n.trim()).filter(Boolean);
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export function triageNoteLine(owners: readonly string[], topics: readonly string[] = []): string {
  const names = joinNames(owners);
  if (!names) return '';
  const unique = [...new Set(topics.map((t) => t.trim()).filter(Boolean))];
  return `Assigning to ${names}${unique.length ? ` (${unique.join(', ')})` : ''}.`;
}

/** The note with the signature under it (a blank line between); just the line without a signature. */
export function triageNote(owners: readonly string[], topics: readonly string[], signature: string): string {
  const line = triageNoteLine(owners, topics);
  if (!line) return '';
  const sig = signature.trim() ? signature.replace(/^\n+|\n+$/g, '') : '';
  return sig ? `${line}\n\n${sig}` : line;
}
