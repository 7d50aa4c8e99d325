/** Features of the triage content script (editor pages of Software tickets; issue 8). */
import type { Feature } from './types';
import { triagePanel } from './triage-panel';
import { closeChecklist } from './close-checklist';

export const TRIAGE_SCRIPT_FEATURES: Feature[] = [triagePanel, closeChecklist];
