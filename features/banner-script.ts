/** The features of entrypoints/banner.content.ts (every GOC page), in start order. */
import type { Feature } from './types';
import { dutyBanner } from './duty-banner';

export const BANNER_SCRIPT_FEATURES: Feature[] = [dutyBanner];
