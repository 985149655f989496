/** The device's time zone now: "today" in Tasks, a new task's due time, a track's due days and the stay-in-touch days follow it. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
