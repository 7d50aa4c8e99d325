/**
 * Next Action presets of the triage panel: `{owner}` is the first chosen owner's first name,
 * `{me}` the user's own first name. Pure: no DOM, no browser APIs.
 */
import { describeUnknownPlaceholders } from '../signature';

export const TRIAGE_PLACEHOLDERS = ['owner', 'me'] as const;

/** A user-facing sentence about unknown placeholders in a preset, or null when it is fine. */
export function describeUnknownTriagePlaceholders(preset: string): string | null {
  return describeUnknownPlaceholders(preset, TRIAGE_PLACEHOLDERS);
}

/** "Alain Roy" → "Alain"; "Roy, Alain" → "Alain"; blank stays blank. */
export function firstName(displayName: string): string {
  const name = displayName.trim();
  const comma = name.indexOf(',');
  if (comma > 0) return name.slice(comma + 1).trim().split(/\s+/)[0] ?? '';
  return name.split(/\s+/)[0] ?? '';
}

/**
 * Fills a preset. A placeholder with no value is dropped with the separator after it
 * ("{owner}: investigate" with no owner → "investigate"), so no preset ever yields ": investigate".
 */
export function fillNextAction(preset: string, values: { owner?: string; me?: string }): string {
  const filled = preset.replace(/\{(owner|me)\}(:?\s*)/g, (_whole, name: 'owner' | 'me', tail: string) => {
    const value = firstName(values[name] ?? '');
    return value ? value + tail : '';
  });
  return filled.replace(/\s+/g, ' ').trim();
}
