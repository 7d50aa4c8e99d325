/**
 * Every page feature once. Each content script lists its own features (features/<script>-script.ts),
 * so a page loads only the code it runs. A convention test checks that every folder in features/
 * exports one feature whose id is the folder name and that it is listed in one of those scripts.
 * Add a feature: create features/<name>/index.ts exporting a Feature, then list it in a script.
 */
import type { Feature } from './types';
import { BANNER_SCRIPT_FEATURES } from './banner-script';
import { LIST_SCRIPT_FEATURES } from './list-script';
import { TICKET_SCRIPT_FEATURES } from './ticket-script';
import { UPDATE_SCRIPT_FEATURES } from './update-script';
import { TRIAGE_SCRIPT_FEATURES } from './triage-script';
import { SUBMIT_SCRIPT_FEATURES } from './submit-script';

export { BANNER_SCRIPT_FEATURES, LIST_SCRIPT_FEATURES, SUBMIT_SCRIPT_FEATURES, TICKET_SCRIPT_FEATURES, TRIAGE_SCRIPT_FEATURES, UPDATE_SCRIPT_FEATURES };

export const FEATURES: Feature[] = [
  ...BANNER_SCRIPT_FEATURES,
  ...TICKET_SCRIPT_FEATURES,
  ...UPDATE_SCRIPT_FEATURES,
  ...TRIAGE_SCRIPT_FEATURES,
  ...LIST_SCRIPT_FEATURES,
  ...SUBMIT_SCRIPT_FEATURES,
];
