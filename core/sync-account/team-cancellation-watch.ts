/**
 * A device's watch over its team's cancellation (SYNC.md §11). While the relay refuses the team,
 * the device reads the stored cancellation (`POST /v1/team-cancellation`, no session: a cancelled
 * team gets none), checks the owner's signature itself against an owner device key it already
 * knew and the relay instance it synced with, and keeps it: the relay deletes its copy at day 14,
 * and the device must still be able to decide then. It wipes only when `teamWipeDue` agrees.
 *
 * Invariants: nothing the relay says alone removes data; a restore (the relay answers again, or
 * serves no cancellation) forgets the kept cancellation.
 */
import * as v from 'valibot';
import type { Clock } from '../clock';
import type { LocketDatabase } from '../db/schema';
import { CANCELLATION_DAYS, windowEnd } from '../retention/windows';
import type { RelayTransport } from '../sync/ports';
import {
  TeamCancellationReplySchema, TeamCancellationRequestSchema, teamWipeDue, verifyTeamCancellation, type TeamCancellationRequest,
} from '../sync/team-cancellation';
import { TEAM_CANCELLATION_KEY, type TeamWiped } from './team-wipe';

const KeptSchema = v.strictObject({ relayInstance: v.string(), cancellation: TeamCancellationRequestSchema });

export type TeamCancellationState =
  | { readonly type: 'active' }
  /** Verified here; the owner can restore it until `restorableUntil`. */
  | { readonly type: 'cancelled'; readonly signedAt: number; readonly restorableUntil: number }
  | { readonly type: 'wiped'; readonly signedAt: number; readonly wipedAt: number };

export interface TeamCancellationWatchDeps {
  readonly db: LocketDatabase;
  readonly transport: RelayTransport;
  readonly team: string;
  /** The relay instance this device last synced with (its cursor's): never the relay's word. */
  readonly relayInstance: () => Promise<string | null>;
  /** Public keys of the team's owner devices as this device knows them (membership log, or the account's devices in a team of one). */
  readonly ownerDeviceKeys: () => Promise<ReadonlyMap<string, Uint8Array>>;
  readonly clock: Clock;
  /** Whether the sweeps trust the clock now (core/retention/clock-trust.ts). */
  readonly clockTrusted: () => Promise<boolean>;
  readonly wipe: (wiped: TeamWiped) => Promise<void>;
}

export const createTeamCancellationWatch = (deps: TeamCancellationWatchDeps) => {
  const { db } = deps;

  const kept = async (): Promise<v.InferOutput<typeof KeptSchema> | null> => {
    const parsed = v.safeParse(KeptSchema, await db.get('meta', TEAM_CANCELLATION_KEY));
    return parsed.success && parsed.output.cancellation.team === deps.team ? parsed.output : null;
  };

  /** The relay's stored cancellation, if it verifies under a key this device trusts; null otherwise. */
  const fetchVerified = async (relayInstance: string): Promise<TeamCancellationRequest | null | 'none'> => {
    const answer = await deps.transport.request('/v1/team-cancellation', { body: { team: deps.team } });
    if (answer.status !== 200) return null;
    const reply = v.safeParse(TeamCancellationReplySchema, answer.body);
    if (!reply.success) return null;
    if (!reply.output.cancellation) return 'none';
    const { cancelledAt: _relayTime, ...cancellation } = reply.output.cancellation;
    const key = (await deps.ownerDeviceKeys()).get(cancellation.device);
    if (!key || !(await verifyTeamCancellation(key, 'cancel', relayInstance, cancellation))) return null;
    return cancellation;
  };

  const stateOf = (cancellation: TeamCancellationRequest): TeamCancellationState =>
    ({ type: 'cancelled', signedAt: cancellation.signedAt, restorableUntil: windowEnd(cancellation.signedAt, CANCELLATION_DAYS) });

  return {
    /** The relay refused the team: learn and keep its cancellation, and wipe once due. */
    check: async (): Promise<TeamCancellationState> => {
      const relayInstance = await deps.relayInstance();
      if (relayInstance === null) return { type: 'active' };
      let stored = await kept();
      if (!stored) {
        const fetched = await fetchVerified(relayInstance);
        if (fetched === null || fetched === 'none') return { type: 'active' };
        stored = { relayInstance, cancellation: fetched };
        await db.put('meta', stored, TEAM_CANCELLATION_KEY);
      }
      const now = deps.clock.now();
      const due = await teamWipeDue({
        cancellation: stored.cancellation, ownerDeviceKeys: await deps.ownerDeviceKeys(), relayInstance: stored.relayInstance, now,
        clockTrusted: await deps.clockTrusted(),
      });
      if (!due) return stateOf(stored.cancellation);
      await deps.wipe({ team: deps.team, signedAt: stored.cancellation.signedAt, wipedAt: now });
      return { type: 'wiped', signedAt: stored.cancellation.signedAt, wipedAt: now };
    },
    /** The relay answers the team again: a restore; the kept cancellation is forgotten. */
    restored: async (): Promise<void> => {
      if (await kept()) await db.delete('meta', TEAM_CANCELLATION_KEY);
    },
    /** What the sync page shows, from what this device kept. */
    state: async (): Promise<TeamCancellationState> => {
      const stored = await kept();
      return stored ? stateOf(stored.cancellation) : { type: 'active' };
    },
  };
};
