/**
 * Applying a track: every step's task for one case or opportunity, written with one change
 * set and the audit entry in one transaction, so a track is applied whole or not at all.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { appendChangeSet } from '../db/append-change-set';
import { isLive } from '../db/record-rows';
import { announce, auditKeysOf, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE } from '../db/transaction';
import type { RecordId } from '../records/types';
import type { Result } from '../result';
import { dateInZone } from '../tasks/due-instant';
import { tasksForTrack, type Track } from './track';
import { trackTaskRows } from './track-task-rows';

export type ApplyTrackProblem =
  | { readonly type: 'record-gone' }
  /** Tracks are for cases and opportunities. */
  | { readonly type: 'not-a-case-or-opportunity' }
  | { readonly type: 'task-invalid' };

export interface ApplyTrackInput {
  readonly track: Track;
  readonly recordId: RecordId;
  /** The device's zone: "today" and every due date are read in it. */
  readonly timeZone: string;
  readonly assignee: string;
}

export type ApplyTrack = (input: ApplyTrackInput) => Promise<Result<readonly RecordId[], ApplyTrackProblem>>;

export const createApplyTrack = (deps: StoreDeps, audit: AuditLog): ApplyTrack => async ({ track, recordId, timeZone, assignee }) => {
  const { db, clock } = deps;
  type Outcome = Result<readonly RecordId[], ApplyTrackProblem>;
  const refused = (type: ApplyTrackProblem['type']) => settled<Outcome>({ ok: false, error: { type } as ApplyTrackProblem });
  const { value } = await retriedWrite(db, {
    subject: { type: 'record', id: recordId },
    stores: ['records', 'changes', 'outbox'],
    prepare: async () => {
      const target = await db.get('records', recordId);
      if (!target || !isLive(target)) return refused('record-gone');
      if (target.kind !== 'case' && target.kind !== 'opportunity') return refused('not-a-case-or-opportunity');
      const tasks = tasksForTrack(track, recordId, dateInZone(clock.now(), timeZone), timeZone, assignee);
      const made = await trackTaskRows(deps, tasks);
      if (!made) return refused('task-invalid');
      return { target, rows: made.rows, set: made.set };
    },
    write: async (tx, { target, rows, set }) => {
      const records = tx.objectStore('records');
      // Trashed since it was read: its tasks would be orphans.
      const latest = await records.get(recordId);
      if (!latest || latest.deletedAt !== target.deletedAt) return STALE;
      await Promise.all([...rows.map((row) => records.add(row)), appendChangeSet(tx, set)]);
      return { ok: true, value: rows.map((row) => row.id) } as Outcome;
    },
    // Names the record by kind and keyed hash only; the track's name is the owner's words and stays out.
    receipt: async ({ target, rows }) => audit.stage({
      type: 'track-applied',
      by: deps.author,
      subjects: [{ kind: target.kind, idHash: await idHash(auditKeysOf(deps), recordId) }],
      detail: { tasks: rows.length },
    }),
  });
  if (value.ok) announce(deps.bus, value.value.map((id) => ({ id, kind: 'task' as const })));
  return value;
};
