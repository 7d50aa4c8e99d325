/** Triage rotation: sources → duty weeks → who is on duty. Pure; no browser APIs. */
export * from './types';
export * from './detect';
export * from './schedule';
export * from './identity-match';
export * from './export-ics';
export * from './reminder';
export * from './duty-view';
export { weekKeyForStart } from './weeks';
export { ianaZoneFor, isIanaZone } from './zones';
export * from './cache';
export * from './banner';
export * from './duty-answer';
