/** The device's time zone now: "today" in the Tasks view and a new task's due time follow it. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
