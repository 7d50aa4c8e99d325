/** "HH:MM" times of day, as settings hold them (work start and end, the midday nudge). */

/** "09:30" or "9:30" → 570 minutes after midnight; null for anything else (including non-strings). */
export function parseHhmm(value: string): number | null {
  if (typeof value !== 'string') return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
