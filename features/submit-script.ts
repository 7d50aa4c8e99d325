/** The features of entrypoints/submit.content.ts (the GOC new-ticket form, /submit), in start order. */
import type { Feature } from './types';
import { emailFill } from './email-fill';

export const SUBMIT_SCRIPT_FEATURES: Feature[] = [emailFill];
