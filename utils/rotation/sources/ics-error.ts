/** An iCalendar problem the user can act on: its message is shown as is (anything else is wrapped). */
export class IcsError extends Error {}
