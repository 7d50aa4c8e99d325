/**
 * The features of entrypoints/update.content.ts (every GOC page but the lists; they act on ticket
 * pages with a New Update box), in start order: writing the update and assigning it. The two guards
 * share one submit hold (features/shared/submit-hold.ts), so they live in the same script.
 */
import type { Feature } from './types';
import { signatureFeature } from './signature';
import { unsignedGuard } from './unsigned-guard';
import { keepSoftwareGuard } from './keep-software-guard';
import { enterGuard } from './enter-guard';
import { snippetPicker } from './snippets';
import { expertSuggestions } from './experts';

export const UPDATE_SCRIPT_FEATURES: Feature[] = [signatureFeature, unsignedGuard, keepSoftwareGuard, enterGuard, snippetPicker, expertSuggestions];
