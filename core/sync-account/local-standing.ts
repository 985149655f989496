/**
 * This device's member's role and export right, from the membership log it last validated
 * (team-log-cache.ts): what the worker checks a local act against before it writes or exports.
 * Validating the log verifies every signature, so the answer is kept until the cached log's head
 * changes; the head's hash covers the whole chain, so a row changed behind this device's back
 * changes the head and is validated afresh.
 */
import type { Clock } from '../clock';
import type { LocketDatabase } from '../db/schema';
import type { LocalStanding } from '../team/local-rights';
import { deviceRole } from '../team/state';
import { headOf } from '../team/validate';
import { cachedTeamState, readCachedEntries } from './team-log-cache';

export interface LocalStandingDeps {
  readonly db: LocketDatabase;
  readonly clock: Clock;
  /** This device's id in the team's log (its signing key's), or null before it has sync keys. */
  readonly deviceId: () => Promise<string | null>;
}

/** null on a device in no team, and on one the log does not (or no longer) hold as an active member's. */
export type StandingSource = () => Promise<LocalStanding | null>;

export const createLocalStanding = ({ db, clock, deviceId }: LocalStandingDeps): StandingSource => {
  let known: { readonly head: string; readonly standing: LocalStanding | null } | null = null;

  const standingFrom = async (): Promise<LocalStanding | null> => {
    const [state, device] = await Promise.all([cachedTeamState(db, clock), deviceId()]);
    if (!state || !device) return null;
    const role = deviceRole(state, device);
    const member = state.devices.get(device)?.member;
    const canExport = (member !== undefined && state.members.get(member)?.canExport) ?? false;
    return role ? { role, canExport } : null;
  };

  return async () => {
    const head = await headOf(await readCachedEntries(db));
    if (!head) return null;
    if (known?.head !== head.hash) known = { head: head.hash, standing: await standingFrom() };
    return known.standing;
  };
};
