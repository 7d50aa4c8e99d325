/** Features of the triage content script (editor pages of Software tickets; issue 8). */
import type { Feature } from './types';

export const TRIAGE_SCRIPT_FEATURES: Feature[] = [];
