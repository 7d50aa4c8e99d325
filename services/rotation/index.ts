/** Triage rotation service: sync, alarms, reminder. Filled in by the rotation work (issue 4). */
export function registerRotationService(): void {}
