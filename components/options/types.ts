import type { Settings } from '../../utils/settings';
import type { SaveSettings } from './use-section-draft';

export interface SectionProps {
  /** The stored settings (validated), kept current by the page. */
  settings: Settings;
  /** Read-modify-write of the stored settings; defaults to the settings store's `updateSettings`. */
  save?: SaveSettings;
}
