import type { Settings } from '../../utils/settings';

export interface SectionProps {
  settings: Settings;
  /** Validates and stores the whole settings object; resolves to an error message or null. */
  save: (next: Settings) => Promise<string | null>;
}
