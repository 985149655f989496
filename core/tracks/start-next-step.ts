/**
 * "A completed task can start the next": once a task made from a track is done, the track's next
 * step becomes a task on the same record, unless that step's task is already there (applying a
 * track makes every step's task at once, so this only fills in a step someone deleted). The new
 * task, its change set and its "Next track step started" audit entry commit in one transaction.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { appendChangeSet } from '../db/append-change-set';
import { deepEqual } from '../db/deep-equal';
import { isLive } from '../db/record-rows';
import { announce, auditKeysOf, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE } from '../db/transaction';
import type { RecordReads } from '../record-store/contract';
import type { RecordId, TaskFields } from '../records/types';
import type { SettingsStore } from '../settings/contract';
import { nextStepIsMissing, nextTrackStep } from './track';
import { trackTaskRows } from './track-task-rows';

/** The next step's task when one was made, else null (no track, last step, step already there, task not done). */
export type StartNextTrackStep = (doneTaskId: RecordId) => Promise<TaskFields | null>;

type Reads = Pick<RecordReads, 'get' | 'linkedTo'> & Pick<SettingsStore, 'getSettings'>;

export const createStartNextTrackStep = (deps: StoreDeps, audit: AuditLog, reads: Reads): StartNextTrackStep => async (doneTaskId) => {
  const { db } = deps;
  const nothing = settled<{ readonly id: RecordId; readonly fields: TaskFields } | null>(null);
  const { value } = await retriedWrite(db, {
    subject: { type: 'record', id: doneTaskId },
    stores: ['records', 'changes', 'outbox'],
    prepare: async () => {
      // The row first: the write confirms the task is still as it was when its next step was decided.
      const doneRow = await db.get('records', doneTaskId);
      const done = await reads.get(doneTaskId);
      if (!doneRow || done?.kind !== 'task') return nothing;
      const { trackId, recordId, doneAt } = done.fields;
      if (trackId === null || recordId === null || doneAt === null) return nothing;
      const track = (await reads.getSettings()).tracks?.find((candidate) => candidate.id === trackId);
      const next = track ? nextTrackStep(track, done.fields) : null;
      if (!next) return nothing;
      const onRecord = (await reads.linkedTo(recordId)).flatMap((record) => (record.kind === 'task' ? [record.fields] : []));
      if (!nextStepIsMissing(next, onRecord)) return nothing;
      const target = await db.get('records', recordId);
      if (!target || !isLive(target)) return nothing;
      const made = await trackTaskRows(deps, [next.task]);
      return made ? { doneRow, target, made } : nothing;
    },
    write: async (tx, { doneRow, target, made }) => {
      const records = tx.objectStore('records');
      const [latestDone, latestTarget] = await Promise.all([records.get(doneTaskId), records.get(target.id)]);
      // Undone or edited since, or its record trashed: decide again from what is stored now.
      if (!deepEqual(latestDone, doneRow) || !latestTarget || latestTarget.deletedAt !== target.deletedAt) return STALE;
      await Promise.all([...made.rows.map((row) => records.add(row)), appendChangeSet(tx, made.set)]);
      const [row] = made.rows;
      const [fields] = made.fields;
      return row && fields ? { id: row.id, fields } : null;
    },
    // Names the record by kind and keyed hash only; the step's words are the owner's and stay out.
    receipt: async ({ target }) => audit.stage({
      type: 'track-step-started',
      by: deps.author,
      subjects: [{ kind: target.kind, idHash: await idHash(auditKeysOf(deps), target.id) }],
      detail: { tasks: 1 },
    }),
  });
  if (!value) return null;
  announce(deps.bus, [{ id: value.id, kind: 'task' }]);
  return value.fields;
};
