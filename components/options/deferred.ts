/**
 * What the options page loads after its first frame, as one second script (./use-deferred.ts):
 * the settings store with its validator (zod and everything built on it) and the weekly queue
 * report (IndexedDB). The first frame needs neither: it shows the snapshot the background validated.
 * One script, not two: two late scripts would share modules the bundler then splits into a third
 * file the first frame must load too.
 */
export {
  applyImportText,
  dropTeamOverride,
  loadSettings,
  previewImportText,
  restoreSettings,
  updateSettings,
  watchSettings,
} from '../../services/settings-store';
export { validateSection } from './validate-section';
export { QueueReport } from './sections/QueueReport';
