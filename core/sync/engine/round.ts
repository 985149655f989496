/**
 * One sync round: make sure the relay has not gone back in time, push the outbox, pull to the
 * head. A relay found to have gone back mid-round is re-bootstrapped and the round starts over,
 * a bounded number of times.
 */
import type { ReplicaPort, SyncCrypto, SyncCursor } from '../ports';
import { pullAll } from './pull';
import { pushAll } from './push';
import { cursorSetMoved, ownSetsHeld, rebootstrap, RelayWentBack, wentBack } from './regression';
import { SyncFailure } from './relay-problem';
import type { RelaySession } from './relay-session';

const MAX_REBOOTSTRAPS_PER_ROUND = 3;

export interface RoundDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
  readonly team: string;
  /** The engine's copy of the replica's cursor, read before and written after every change. */
  readonly cursor: { get: () => SyncCursor | null; set: (cursor: SyncCursor) => void };
  readonly nextRequestId: () => string;
  readonly onRejected: () => void;
  /**
   * The first round of a connection: the relay may have been restored from an older copy of its
   * database while this device was away, so the round first checks that it still holds the set at
   * the cursor and this device's acknowledged sets.
   */
  readonly checkHeld?: boolean;
}

export const runRound = async (deps: RoundDeps): Promise<void> => {
  const { replica, crypto, session, team, cursor } = deps;
  const checkRelay = async (relayInstance: string, head: number): Promise<void> => {
    if (wentBack(cursor.get(), relayInstance, head)) throw new RelayWentBack(relayInstance);
  };
  for (let restart = 0; restart <= MAX_REBOOTSTRAPS_PER_ROUND; restart += 1) {
    try {
      const opened = await session.current();
      await checkRelay(opened.relayInstance, cursor.get()?.seq ?? 0);
      if (deps.checkHeld && restart === 0) {
        if (await cursorSetMoved(session, cursor.get())) throw new RelayWentBack(opened.relayInstance);
        await ownSetsHeld({ replica, session, deviceId: crypto.deviceId }, cursor.get() ?? { relayInstance: opened.relayInstance, seq: 0 });
      }
      const push = () => pushAll({ replica, crypto, session, team, checkRelay, nextRequestId: deps.nextRequestId }, async () => cursor.get());
      const pull = () => pullAll({ replica, crypto, session, checkRelay, onRejected: deps.onRejected, onCursor: cursor.set });
      try {
        await push();
      } catch (error) {
        // A set naming an id another device purged or erased is refused until this device applies
        // that end: the pull does, and the purge here rewrites or drops the set, so the push goes through.
        if (!(error instanceof SyncFailure && error.problem.type === 'relay-refused' && error.problem.code === 'tombstoned')) throw error;
        await pull();
        await push();
      }
      await pull();
      return;
    } catch (error) {
      if (!(error instanceof RelayWentBack)) throw error;
      cursor.set(await rebootstrap({ replica, session, deviceId: crypto.deviceId }, error.relayInstance));
    }
  }
  throw new SyncFailure({ type: 'relay-went-back' });
};
