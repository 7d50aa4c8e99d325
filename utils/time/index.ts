/**
 * Time, once: calendar dates (ISO strings), what a zone's clock shows at an instant, "HH:MM" times,
 * work hours and working days. Pure; no browser APIs; nothing here throws on bad input.
 * The reverse conversion (a zone's wall-clock time → instant) is imported from './instant' directly:
 * it loads @date-fns/tz's TZDateMini, which content scripts should not carry.
 */
export * from './calendar';
export * from './zone';
export * from './hhmm';
export * from './work';
