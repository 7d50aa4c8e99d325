/**
 * The features of entrypoints/banner.ts (every GOC page), in start order. New Update drafts
 * run here (on ticket pages only): the ticket, update and triage scripts have no room left under
 * their 20 KiB budget.
 */
import type { Feature } from './types';
import { dutyBanner } from './duty-banner';
import { updateDraft } from './update-draft';

export const BANNER_SCRIPT_FEATURES: Feature[] = [dutyBanner, updateDraft];
