/**
 * A relay that went back in time (SYNC.md §7.6): another database (`relayInstance` differs from the
 * cursor's) or a head below the cursor. The device asks the relay how much of its own outbox it
 * still holds, marks the rest pending again, and restarts its cursor at 0 on that relay.
 */
import type { ReplicaPort, SyncCursor } from '../ports';
import { DeviceListSchema } from '../protocol';
import { parseAnswer } from './relay-problem';
import type { RelaySession } from './relay-session';

/** Thrown from an answer's check; the round catches it, re-bootstraps and starts over. */
export class RelayWentBack extends Error {
  constructor(readonly relayInstance: string) {
    super('relay-went-back');
  }
}

export const wentBack = (cursor: SyncCursor | null, relayInstance: string, head: number): boolean =>
  cursor !== null && (cursor.relayInstance !== relayInstance || head < cursor.seq);

/** Re-pending and a fresh cursor; the caller then pushes and pulls again. */
export const rebootstrap = async (
  deps: { readonly replica: ReplicaPort; readonly session: RelaySession; readonly deviceId: string }, relayInstance: string,
): Promise<SyncCursor> => {
  const list = parseAnswer(DeviceListSchema, await deps.session.call('/v1/devices'));
  const relayHolds = list.devices.find((device) => device.device === deps.deviceId)?.ackedClientSeq ?? 0;
  const cursor = { relayInstance, seq: 0 };
  await deps.replica.relayRegressed(relayHolds, cursor);
  return cursor;
};
