/**
 * The test hooks (`debug.*` in storage.local: failFeatures, queueOffline, queueClockOffsetMs,
 * rotationNow) count only in a development install: unpacked in Chromium, a temporary add-on in
 * Firefox (web-ext, about:debugging, WebDriver BiDi), both reported by `management.getSelf()` as
 * installType 'development'. A store, sideloaded or policy install ignores them, so a stale key can
 * never switch off checks or move the clock for a user.
 */
export function hooksAllowedFor(installType: unknown): boolean {
  return installType === 'development';
}
