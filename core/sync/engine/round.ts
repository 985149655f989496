/**
 * One sync round: make sure the relay has not gone back in time, push the outbox, pull to the
 * head. A relay found to have gone back mid-round is re-bootstrapped and the round starts over,
 * a bounded number of times; so does a push refused for naming an id purged elsewhere, pulling
 * that purge first, and one refused for a key rotated since, reading the team's log first. A pull answered `gone` (the log was truncated past the cursor, or a new
 * device after truncation) pushes the outbox, then bootstraps from the latest snapshot
 * (snapshot-bootstrap.ts), and the round starts over from the snapshot's seq.
 */
import type { ReplicaPort, SyncCrypto, SyncCursor } from '../ports';
import type { StoredSet } from '../protocol';
import { pullAll } from './pull';
import { KeyRotated, PurgedElsewhere, pushAll } from './push';
import { cursorSetMoved, ownSetsHeld, rebootstrap, RelayWentBack, wentBack } from './regression';
import { SyncFailure } from './relay-problem';
import { bootstrapFromSnapshot, isLogGone } from './snapshot-bootstrap';
import type { RelaySession } from './relay-session';

const MAX_REBOOTSTRAPS_PER_ROUND = 3;
/** One pull brings every purge up to the head; more are needed only for purges landing meanwhile. */
const MAX_PURGE_PULLS_PER_ROUND = 3;
/** One read of the log brings the newest key; more are needed only for removals landing meanwhile. */
const MAX_KEY_READS_PER_ROUND = 3;

export interface RoundDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
  readonly team: string;
  /** The engine's copy of the replica's cursor, read before and written after every change. */
  readonly cursor: { get: () => SyncCursor | null; set: (cursor: SyncCursor) => void };
  readonly nextRequestId: () => string;
  readonly onRejected: () => void;
  readonly refreshSigners?: (token: string) => Promise<void>;
  readonly admits?: (set: StoredSet) => boolean;
  /**
   * The first round of a connection: the relay may have been restored from an older copy of its
   * database while this device was away, so the round first checks that it still holds the set at
   * the cursor and this device's acknowledged sets.
   */
  readonly checkHeld?: boolean;
  /**
   * A push still refused `tombstoned` after pulling: asks the relay which of the set's ids its
   * trash rule ended, and settles them on this device (core/replica/relay-ended.ts). Without it
   * such a set is refused on every round, and nothing after it gets through.
   */
  readonly settleRelayEnded?: (call: (path: string, body: unknown) => Promise<unknown>, recordIds: readonly string[]) => Promise<unknown>;
}

export const runRound = async (deps: RoundDeps): Promise<void> => {
  const { replica, crypto, session, team, cursor } = deps;
  const checkRelay = async (relayInstance: string, head: number): Promise<void> => {
    if (wentBack(cursor.get(), relayInstance, head)) throw new RelayWentBack(relayInstance);
  };
  const { refreshSigners } = deps;
  const pull = (fromSnapshot = false) => pullAll({
    replica, crypto, session, checkRelay, onRejected: deps.onRejected, onCursor: cursor.set, fromSnapshot,
    ...(refreshSigners ? { refreshSigners: async () => refreshSigners((await session.current()).token) } : {}),
    ...(deps.admits ? { admits: deps.admits } : {}),
  });
  let rebootstraps = 0;
  let purgePulls = 0;
  let snapshotLoads = 0;
  const push = () => pushAll({ replica, crypto, session, team, checkRelay, nextRequestId: deps.nextRequestId }, async () => cursor.get());
  let keyReads = 0;
  // Bounded: every pass returns, throws, or counts one rebootstrap, one purge pull or one read of the log.
  for (;;) {
    try {
      const opened = await session.current();
      await checkRelay(opened.relayInstance, cursor.get()?.seq ?? 0);
      if (deps.checkHeld && rebootstraps === 0 && purgePulls === 0) {
        if (await cursorSetMoved(session, cursor.get())) throw new RelayWentBack(opened.relayInstance);
        await ownSetsHeld({ replica, session, deviceId: crypto.deviceId }, cursor.get() ?? { relayInstance: opened.relayInstance, seq: 0 });
      }
      // After a `tombstoned` refusal: the purge behind it is applied before pushing again.
      if (purgePulls > 0) await pull();
      await push();
      await pull();
      return;
    } catch (error) {
      if (isLogGone(error)) {
        if (snapshotLoads >= MAX_REBOOTSTRAPS_PER_ROUND) throw error;
        snapshotLoads += 1;
        // Its own edits reach the relay first: they keep their clocks, and merge after the snapshot by them.
        await push().catch((pushError: unknown) => { if (!(pushError instanceof PurgedElsewhere)) throw pushError; });
        const opened = await session.current();
        const loaded = await bootstrapFromSnapshot({ replica, crypto, session }, opened.relayInstance);
        cursor.set(loaded.cursor);
        // Then everything the relay still holds, from the start: purges and erasures below the floor, the log above it.
        await pull(true);
        // Read to the head: when no set is left above the floor, the cursor still stands on it, not below.
        if ((cursor.get()?.seq ?? 0) < loaded.floor) {
          const atFloor = { relayInstance: opened.relayInstance, seq: loaded.floor };
          await replica.applyRemote([], atFloor);
          cursor.set(atFloor);
        }
        continue;
      }
      if (error instanceof PurgedElsewhere) {
        if (purgePulls >= MAX_PURGE_PULLS_PER_ROUND) throw new SyncFailure({ type: 'relay-refused', code: 'tombstoned' });
        purgePulls += 1;
        // Refused again after a pull: no purge set ends these ids, so the relay's trash rule may have.
        if (purgePulls > 1 && deps.settleRelayEnded) await deps.settleRelayEnded(session.call, error.recordIds);
        continue;
      }
      if (error instanceof KeyRotated) {
        if (keyReads >= MAX_KEY_READS_PER_ROUND || !refreshSigners) throw new SyncFailure({ type: 'relay-refused', code: 'stale_epoch' });
        keyReads += 1;
        await refreshSigners((await session.current()).token);
        continue;
      }
      if (!(error instanceof RelayWentBack)) throw error;
      if (rebootstraps >= MAX_REBOOTSTRAPS_PER_ROUND) throw new SyncFailure({ type: 'relay-went-back' });
      rebootstraps += 1;
      cursor.set(await rebootstrap({ replica, session, deviceId: crypto.deviceId }, error.relayInstance));
    }
  }
};
