/**
 * Whose device wrote a record, and who a member id is, in terms a page can word: device ids
 * (db/attribution.ts, the audit log's `device:` entries) and member ids (the audit log's member
 * changes) resolved against the validated membership log and the profiles sealed under the
 * team key. Made on this device (core/sync-account/name-directory-of.ts); the relay never sees it.
 */

export interface DirectoryMember {
  readonly member: string;
  /** '' when the profile does not open with a key this device holds. */
  readonly name: string;
  /** Removed from the team: what they wrote stays theirs. */
  readonly removed: boolean;
}

export interface NameDirectory {
  /**
   * Every id this install writes or signs under: its own install id (the one its local writes
   * carry) and its team device id. A write by either is "you".
   */
  readonly thisDevice: readonly string[];
  /** This device's member. */
  readonly me: string;
  readonly members: readonly DirectoryMember[];
  /** Every device the log ever admitted, removed ones included, with its member. */
  readonly devices: readonly { readonly device: string; readonly member: string }[];
}

export type Writer =
  | { readonly type: 'you' }
  | { readonly type: 'member'; readonly name: string; readonly removed: boolean }
  /** A member whose name this device cannot open, or a device the log never held. */
  | { readonly type: 'unknown' };

const UNKNOWN: Writer = { type: 'unknown' };

/** Who a member id is: you, a named member, or someone this device cannot name. */
export const memberWriter = (directory: NameDirectory, member: string): Writer => {
  if (member === directory.me) return { type: 'you' };
  const found = directory.members.find((candidate) => candidate.member === member);
  return found && found.name !== '' ? { type: 'member', name: found.name, removed: found.removed } : UNKNOWN;
};

/** Who wrote with `device`: this install and every device of this device's member are "you". */
export const deviceWriter = (directory: NameDirectory, device: string): Writer => {
  if (directory.thisDevice.includes(device)) return { type: 'you' };
  const owner = directory.devices.find((candidate) => candidate.device === device);
  return owner ? memberWriter(directory, owner.member) : UNKNOWN;
};
