/**
 * The features of entrypoints/update.content.ts (every GOC page but the lists; they act on ticket
 * pages with a New Update box), in start order: writing the update and assigning it.
 */
import type { Feature } from './types';
import { signatureFeature } from './signature';
import { unsignedGuard } from './unsigned-guard';
import { snippetPicker } from './snippets';
import { expertSuggestions } from './experts';

export const UPDATE_SCRIPT_FEATURES: Feature[] = [signatureFeature, unsignedGuard, snippetPicker, expertSuggestions];
