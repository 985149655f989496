/**
 * A member's device tells its team's owner and admins when it was unlocked (issue 13): after
 * each sync round, the successful unlocks in the local login history that were not reported yet
 * are sealed under the team key (core/team/unlock-seal.ts) and sent to the relay. The login
 * history itself is the queue: a mark in `meta` remembers the last login reported, so an unlock
 * made offline is reported on the next session. Bounded: unlocks older than the login window are
 * never sent, and at most MAX_UNLOCKS_PER_REPORT of the newest per round.
 */
import type { Clock } from '../core/clock';
import type { LocketDatabase } from '../core/db/schema';
import { DEFAULT_LOGIN_DAYS, expiredBefore } from '../core/retention/windows';
import type { TeamAccount } from '../core/sync-account/team-account';
import { teamCall } from '../core/sync-account/team-calls';
import { keyringOf } from '../core/sync-account/team-log-cache';
import { MAX_UNLOCKS_PER_REPORT, UnlockReportReplySchema } from '../core/team/member-logins-protocol';
import { sealUnlock } from '../core/team/unlock-seal';
import { lowestIdAt } from './sweep/login-expiry';

/** The id of the last login this device reported to its team. */
export const UNLOCK_REPORT_MARK = 'unlock-report-mark';

interface PendingUnlocks {
  /** Newest first, at most MAX_UNLOCKS_PER_REPORT. */
  readonly times: number[];
  /** The newest login id read: the mark once the relay took them. */
  readonly newestId: string | null;
}

const isSuccess = (value: unknown): value is { id: string; at: number } => {
  const entry = value as { id?: unknown; at?: unknown; outcome?: unknown } | null;
  return typeof entry?.id === 'string' && typeof entry.at === 'number' && entry.outcome === 'success';
};

/** Logins are keyed by UUIDv7 ids, which sort by time: everything after the mark, newest first. */
const pendingUnlocks = async (db: LocketDatabase, after: string): Promise<PendingUnlocks> => {
  const tx = db.transaction('logins');
  const times: number[] = [];
  let newestId: string | null = null;
  for (let cursor = await tx.store.openCursor(IDBKeyRange.lowerBound(after, true), 'prev'); cursor; cursor = await cursor.continue()) {
    newestId ??= String(cursor.key);
    if (isSuccess(cursor.value)) times.push(cursor.value.at);
    if (times.length >= MAX_UNLOCKS_PER_REPORT) break;
  }
  return { times, newestId };
};

export const createUnlockReporter = (deps: { readonly db: LocketDatabase; readonly clock: Clock; readonly team: TeamAccount }) => ({
  /** Sends what is pending with this session; a failure leaves it pending for the next round. */
  flush: async (token: string): Promise<void> => {
    const mark = (await deps.db.get('meta', UNLOCK_REPORT_MARK)) as string | undefined;
    const windowStart = lowestIdAt(expiredBefore(DEFAULT_LOGIN_DAYS, deps.clock.now()));
    const pending = await pendingUnlocks(deps.db, mark !== undefined && mark > windowStart ? mark : windowStart);
    if (pending.newestId === null) return;
    if (pending.times.length === 0) {
      await deps.db.put('meta', pending.newestId, UNLOCK_REPORT_MARK);
      return;
    }
    const state = deps.team.latest();
    const open = await deps.team.unlocked();
    // No log yet (a team of one before its genesis): the unlocks wait, bounded by the window.
    if (!state || !open) return;
    const ring = await keyringOf(state, open.keys);
    if (!ring) return;
    const device = open.keys.signing.deviceId;
    const unlocks = await Promise.all(pending.times.map((at) => sealUnlock(state.team, device, ring.epoch, ring.key, at)));
    const sent = await teamCall(open.transport, '/v1/team/unlocks', { token, body: { unlocks } }, UnlockReportReplySchema);
    if (sent.ok) await deps.db.put('meta', pending.newestId, UNLOCK_REPORT_MARK);
  },
});

export type UnlockReporter = ReturnType<typeof createUnlockReporter>;
