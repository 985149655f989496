/**
 * The rows of Recent logins for an owner or admin (issue 13): the relay's session starts and the
 * unlocks members' devices reported, opened with the team keys this device holds. Each row's
 * member comes from the validated membership log, not from the relay's word; a report that does
 * not open (another team's, a key this device never held, a relay that moved it) is left out.
 */
import type { Bytes } from '../vault/types';
import type { MemberSession, StoredUnlock } from './member-logins-protocol';
import type { TeamState } from './state';
import { openUnlock } from './unlock-seal';

export interface MemberLoginRow {
  readonly device: string;
  /** The device's member in the log; null for a device the log does not name. */
  readonly member: string | null;
  readonly at: number;
  /** `unlock`: the device reported its vault unlocked; `session`: the relay opened a session for it. */
  readonly kind: 'unlock' | 'session';
  /** For a session: the relay verified a WebAuthn assertion when it opened. */
  readonly twoFactorVerified: boolean;
}

export const memberLoginRows = async (
  state: Pick<TeamState, 'team' | 'devices'>, keys: ReadonlyMap<number, Bytes>, sessions: readonly MemberSession[], unlocks: readonly StoredUnlock[],
): Promise<MemberLoginRow[]> => {
  const memberOf = (device: string): string | null => state.devices.get(device)?.member ?? null;
  const rows: MemberLoginRow[] = sessions.map((session) => ({
    device: session.device, member: memberOf(session.device), at: session.at, kind: 'session', twoFactorVerified: session.twoFactorVerified,
  }));
  // A report sent again after an answer was lost is stored twice: one row per device and time.
  const seen = new Set<string>();
  for (const unlock of unlocks) {
    const key = keys.get(unlock.epoch);
    const at = key ? await openUnlock(state.team, unlock.device, unlock, key) : null;
    if (at === null || seen.has(`${unlock.device}|${at}`)) continue;
    seen.add(`${unlock.device}|${at}`);
    rows.push({ device: unlock.device, member: memberOf(unlock.device), at, kind: 'unlock', twoFactorVerified: false });
  }
  return rows.sort((a, b) => b.at - a.at);
};
