/**
 * The daily encrypted snapshot (SYNC.md §11): after a successful round, a writer device uploads
 * the current state of every record, sealed row by row, at most once a day across the team (the
 * relay's latest snapshot says when the last one was taken, by any device).
 *
 * - Runs beside the rounds, never inside one: pushing never waits for an upload.
 * - Only with an empty outbox: the rows then show what the log holds up to the cursor (edits made
 *   meanwhile may ride along; merging them again from the log changes nothing).
 * - Bounded: pages of ROWS_PER_PAGE, at most MAX_UPLOAD_PAGES. A failure anywhere leaves the
 *   upload open on the relay, which deletes it after a day; the next try starts a new one.
 * - A refusal (a read-only member, or too many uploads open) waits a day; a network failure an hour.
 */
import type { Clock } from '../../clock';
import { DAY_MS } from '../../retention/windows';
import { snapshotDue } from '../../retention/snapshot-policy';
import { toBase64Url } from '../../security/base64url';
import type { ReplicaPort, SyncCrypto, SyncCursor } from '../ports';
import { SnapshotBegunSchema, SnapshotLatestSchema, SnapshotRowsStoredSchema } from '../snapshot-protocol';
import { parseAnswer, SyncFailure } from './relay-problem';
import type { RelaySession } from './relay-session';

export const ROWS_PER_PAGE = 200;
const MAX_UPLOAD_PAGES = 25_000;
export const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

export type UploadOutcome = 'uploaded' | 'not-due' | 'waiting' | 'unsupported' | 'failed';

export interface SnapshotUploaderDeps {
  readonly replica: ReplicaPort;
  readonly crypto: SyncCrypto;
  readonly session: RelaySession;
  readonly clock: Clock;
  /** The replica's cursor as the engine holds it. */
  readonly cursor: () => SyncCursor | null;
  /** False while uploads should stop (the engine stopped, or the owner turned snapshots off). */
  readonly active: () => boolean | Promise<boolean>;
}

export interface SnapshotUploader {
  /** Starts an upload when one is due and none is running; resolves when it ends. */
  readonly maybeUpload: () => Promise<UploadOutcome>;
  readonly settled: () => Promise<void>;
}

export const createSnapshotUploader = (deps: SnapshotUploaderDeps): SnapshotUploader => {
  const { replica, crypto, session, clock } = deps;
  let notBefore = 0;
  let running: Promise<UploadOutcome> | null = null;

  const upload = async (): Promise<UploadOutcome> => {
    const seal = crypto.snapshots;
    const read = replica.snapshotStates;
    if (!seal || !read) return 'unsupported';
    const at = deps.cursor();
    if (!at || !(await deps.active()) || (await replica.pendingCount()) > 0) return 'waiting';
    const latest = parseAnswer(SnapshotLatestSchema, await session.call('/v1/snapshots/latest', {}));
    if (latest.snapshot && !snapshotDue([latest.snapshot.createdAt], clock.now())) {
      notBefore = latest.snapshot.createdAt + DAY_MS;
      return 'not-due';
    }
    // A cursor below the floor is the round's to bootstrap first.
    if (at.seq < latest.floor || at.seq > latest.head) return 'waiting';
    const { snapshotId } = parseAnswer(SnapshotBegunSchema, await session.call('/v1/snapshots/begin', { atSeq: at.seq, epoch: seal.epoch }));
    let afterId = '';
    for (let page = 0; page < MAX_UPLOAD_PAGES; page += 1) {
      if (!(await deps.active())) return 'waiting';
      const states = await read(afterId, ROWS_PER_PAGE);
      if (states.length === 0) break;
      const rows = await Promise.all(states.map(async ({ recordId, kind, state }) =>
        ({ recordId, kind, ct: toBase64Url(await seal.seal({ snapshotId, recordId, kind }, state)) })));
      parseAnswer(SnapshotRowsStoredSchema, await session.call('/v1/snapshots/rows', { snapshotId, rows }));
      afterId = states.at(-1)?.recordId ?? afterId;
      if (states.length < ROWS_PER_PAGE) break;
    }
    await session.call('/v1/snapshots/commit', { snapshotId });
    notBefore = clock.now() + DAY_MS;
    return 'uploaded';
  };

  return {
    maybeUpload: () => {
      if (running) return running;
      if (clock.now() < notBefore) return Promise.resolve('not-due');
      running = upload().catch((error: unknown) => {
        // A refusal will be refused again today; an unreachable relay is worth another try sooner.
        const refused = error instanceof SyncFailure && error.problem.type === 'relay-refused';
        notBefore = clock.now() + (refused ? DAY_MS : RETRY_AFTER_FAILURE_MS);
        return 'failed' as const;
      }).finally(() => { running = null; });
      return running;
    },
    settled: async () => { await running; },
  };
};
