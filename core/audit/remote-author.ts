/**
 * How the audit log names the author of an act another device did here (a purge or an erasure
 * that arrived through sync): by the device that signed it, as the relay already knows it.
 * Entries are stored in the clear, so never by a member's name; pages resolve the device to
 * its member (core/team/name-directory.ts) when they show the log.
 */
const REMOTE_PREFIX = 'device:';

export const remoteAuthor = (deviceId: string): string => `${REMOTE_PREFIX}${deviceId}`;

/** The device an entry's `by` names, or null when a local act wrote it. */
export const remoteDeviceOf = (by: string): string | null => (by.startsWith(REMOTE_PREFIX) ? by.slice(REMOTE_PREFIX.length) : null);
