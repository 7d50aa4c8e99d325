/** The features of entrypoints/list.ts (/list/open, /list/recentclose), in start order. */
import type { Feature } from './types';
import { queueHighlight } from './queue-highlight';

export const LIST_SCRIPT_FEATURES: Feature[] = [queueHighlight];
