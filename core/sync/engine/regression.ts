/**
 * A relay that went back in time (SYNC.md §7.6): another database (`relayInstance` differs from the
 * cursor's) or a head below the cursor. The device asks the relay how much of its own outbox it
 * still holds, marks the rest pending again, and restarts its cursor at 0 on that relay.
 */
import type { ReplicaPort, SyncCursor } from '../ports';
import { DeviceListSchema, PullReplySchema } from '../protocol';
import { parseAnswer } from './relay-problem';
import { isLogGone } from './snapshot-bootstrap';
import type { RelaySession } from './relay-session';

/** Thrown from an answer's check; the round catches it, re-bootstraps and starts over. */
export class RelayWentBack extends Error {
  constructor(readonly relayInstance: string) {
    super('relay-went-back');
  }
}

export const wentBack = (cursor: SyncCursor | null, relayInstance: string, head: number): boolean =>
  cursor !== null && (cursor.relayInstance !== relayInstance || head < cursor.seq);

/**
 * Whether the relay still holds, at the cursor's seq, the set this device read there. A relay
 * restored from an older copy keeps its instance id and, once others push again, may reach the
 * cursor's seq with other sets: the head alone cannot show it.
 */
export const cursorSetMoved = async (session: RelaySession, cursor: SyncCursor | null): Promise<boolean> => {
  if (!cursor?.setId || cursor.seq < 1) return false;
  let answer: unknown;
  try {
    answer = await session.call('/v1/pull', { since: cursor.seq - 1, limit: 1 });
  } catch (error) {
    // The set at the cursor went with the log's floor: nothing moved (a cursor below the floor hears `gone` on its pull).
    if (isLogGone(error)) return false;
    throw error;
  }
  const reply = parseAnswer(PullReplySchema, answer);
  const atCursor = reply.sets[0];
  return reply.relayInstance === cursor.relayInstance && (atCursor?.seq !== cursor.seq || atCursor.setId !== cursor.setId);
};

type HeldDeps = { readonly replica: ReplicaPort; readonly session: RelaySession; readonly deviceId: string };

/** How many of this device's sets the relay holds, by its own count. */
const relayHoldsOf = async (deps: HeldDeps): Promise<number> => {
  const list = parseAnswer(DeviceListSchema, await deps.session.call('/v1/devices'));
  return list.devices.find((device) => device.device === deps.deviceId)?.ackedClientSeq ?? 0;
};

/**
 * Sets this device was told the relay holds, and that a relay restored from an older copy lost
 * while the cursor had not reached them, are pending again. The replica never moves its
 * acknowledgement up here, so a relay that holds as many or more changes nothing.
 */
export const ownSetsHeld = async (deps: HeldDeps, cursor: SyncCursor): Promise<void> => {
  await deps.replica.relayRegressed(await relayHoldsOf(deps), cursor);
};

/** Re-pending and a fresh cursor; the caller then pushes and pulls again. */
export const rebootstrap = async (deps: HeldDeps, relayInstance: string): Promise<SyncCursor> => {
  const cursor = { relayInstance, seq: 0 };
  await deps.replica.relayRegressed(await relayHoldsOf(deps), cursor);
  return cursor;
};
