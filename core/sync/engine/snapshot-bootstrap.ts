/**
 * Bootstrap from the relay's latest snapshot (SYNC.md §7.6): a device whose cursor is below the
 * log's floor (the relay answers a pull `410 gone`), or a new device joining after the log was
 * truncated. The round pushes this device's outbox first (its offline edits keep their clocks),
 * then this reads the snapshot page by page, joins each record's state into the replica by the
 * per-field clocks, and restarts the cursor at 0: the round then reads everything the relay still
 * holds with `fromSnapshot` (the purges and erasures kept below the floor, so nothing ended while
 * this device was away comes back, and the whole log above the floor).
 *
 * A crash part way leaves the cursor below the floor: the next round is answered `gone` again and
 * loads the snapshot again, which changes nothing already merged. Rows that do not open (another
 * team's key, a row moved between records) are skipped and counted, never merged.
 */
import type { ReplicaPort, SyncCrypto, SyncCursor, RecordState } from '../ports';
import { SNAPSHOT_LIMITS, SnapshotLatestSchema, SnapshotPageSchema } from '../snapshot-protocol';
import { fromBase64Url } from '../../security/base64url';
import { parseAnswer, SyncFailure } from './relay-problem';
import type { RelaySession } from './relay-session';

/** 5 million records at 500 a page. */
const MAX_SNAPSHOT_PAGES = 10_000;

export const isLogGone = (error: unknown): boolean =>
  error instanceof SyncFailure && error.problem.type === 'relay-refused' && error.problem.code === 'gone';

export interface BootstrapDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
}

export interface BootstrapOutcome {
  readonly cursor: SyncCursor;
  /** The log's floor when the snapshot was read: once the relay's sets are read from `cursor`, the cursor may stand here. */
  readonly floor: number;
  readonly applied: number;
  readonly rejected: number;
}

/** Loads the latest snapshot into the replica and returns the cursor the log resumes from. */
export const bootstrapFromSnapshot = async ({ replica, crypto, session }: BootstrapDeps, relayInstance: string): Promise<BootstrapOutcome> => {
  const latest = parseAnswer(SnapshotLatestSchema, await session.call('/v1/snapshots/latest', {}));
  const { snapshot } = latest;
  let applied = 0;
  let rejected = 0;
  // No snapshot left (every writer away past 50 days): the log from its floor is all the relay holds.
  if (snapshot && crypto.snapshots && replica.applySnapshotStates) {
    let afterRecordId: string | undefined;
    for (let page = 0; page < MAX_SNAPSHOT_PAGES; page += 1) {
      const body = { snapshotId: snapshot.id, limit: SNAPSHOT_LIMITS.maxRowsPerPage, ...(afterRecordId === undefined ? {} : { afterRecordId }) };
      const reply = parseAnswer(SnapshotPageSchema, await session.call('/v1/snapshots/get', body));
      const states: RecordState[] = [];
      for (const row of reply.rows) {
        const sealed = fromBase64Url(row.ct);
        const opened = sealed && await crypto.snapshots.open({ snapshotId: snapshot.id, recordId: row.recordId, kind: row.kind, epoch: snapshot.epoch }, sealed);
        if (opened) states.push({ recordId: row.recordId, kind: row.kind, state: opened.state });
        else rejected += 1;
      }
      applied += (await replica.applySnapshotStates(states)).applied;
      afterRecordId = reply.rows.at(-1)?.recordId;
      if (!reply.more || afterRecordId === undefined) break;
    }
  }
  const cursor = { relayInstance, seq: 0 };
  await replica.applyRemote([], cursor);
  return { cursor, floor: latest.floor, applied, rejected };
};
