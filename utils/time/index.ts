/**
 * Time, once: calendar dates (ISO strings), time zones, "HH:MM" times, work hours and working days.
 * Pure; no browser APIs; nothing here throws on bad input.
 */
export * from './calendar';
export * from './zone';
export * from './hhmm';
export * from './work';
