import type { ReplicaPort } from '../sync/ports';
import { createApplyRemote } from './apply-remote';
import { createOutbox } from './outbox';
import { createSnapshotStates } from './snapshot-states';
import type { ReplicaDeps } from './replica-rows';

export type { ReplicaDeps } from './replica-rows';

/**
 * The device's own database as sync sees it (sync/ports.ts), built from the same deps as the
 * store: the outbox of local sets, the cursor, and applying remote sets through the one write
 * primitive. Remote sets never enter the outbox.
 */
export const openReplica = (deps: ReplicaDeps): ReplicaPort => {
  const outbox = createOutbox(deps);
  const snapshots = createSnapshotStates(deps);
  return {
    pending: outbox.pending,
    pendingCount: outbox.pendingCount,
    acknowledge: outbox.acknowledge,
    relayRegressed: outbox.relayRegressed,
    cursor: outbox.cursor,
    applyRemote: createApplyRemote(deps),
    snapshotStates: snapshots.read,
    applySnapshotStates: snapshots.apply,
  };
};
