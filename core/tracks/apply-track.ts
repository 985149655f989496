/**
 * Applying a track: every step's task for one case or opportunity, written with one change
 * set and the audit entry in one transaction, so a track is applied whole or not at all.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { changeAad, recordAad } from '../codec';
import { stampWrite, withAttribution } from '../db/attribution';
import { appendChangeSet } from '../db/append-change-set';
import { stampClocks } from '../db/field-clocks';
import { isLive, rowFor } from '../db/record-rows';
import type { StoredRecord } from '../db/rows';
import { announce, auditKeysOf, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE } from '../db/transaction';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { RecordId, RecordMeta, TaskFields } from '../records/types';
import type { Result } from '../result';
import { dateInZone, taskDueOf } from '../tasks/due-instant';
import { tasksForTrack, type Track } from './track';

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
  const { db, codec, clock } = deps;
  type Outcome = Result<readonly RecordId[], ApplyTrackProblem>;
  const refused = (type: ApplyTrackProblem['type']) => settled<Outcome>({ ok: false, error: { type } as ApplyTrackProblem });
  const { value } = await retriedWrite(db, {
    subject: { type: 'record', id: recordId },
    stores: ['records', 'changes', 'outbox'],
    prepare: async () => {
      const target = await db.get('records', recordId);
      if (!target || !isLive(target)) return refused('record-gone');
      if (target.kind !== 'case' && target.kind !== 'opportunity') return refused('not-a-case-or-opportunity');
      const now = clock.now();
      const fieldsList: TaskFields[] = [];
      for (const fields of tasksForTrack(track, recordId, dateInZone(now, timeZone), timeZone, assignee)) {
        const parsed = parseFields('task', fields);
        if (!parsed.ok) return refused('task-invalid');
        fieldsList.push(parsed.value);
      }
      const metas: RecordMeta<'task'>[] = fieldsList.map(() => ({ id: deps.newId(), kind: 'task', createdAt: now, updatedAt: now, deletedAt: null }));
      const hlc = deps.hlc.tick();
      const attribution = stampWrite(undefined, deps.deviceId, hlc, true);
      const encoded = await codec.encodeMany(
        [...fieldsList.map((fields) => withAttribution(fields, attribution)), fieldsList],
        [...metas.map(recordAad), changeAad(hlc)],
      );
      const values = encoded[fieldsList.length];
      if (!values) throw new Error('The codec returned fewer values than it was given');
      const rows: StoredRecord[] = fieldsList.map((fields, index) => {
        const body = encoded[index];
        const meta = metas[index];
        if (!body || !meta) throw new Error('The codec returned fewer values than it was given');
        return stampClocks(rowFor(meta, linksOf('task', fields), body, taskDueOf('task', fields)), undefined, Object.keys(fields), hlc);
      });
      const set = changeSet(deps, metas.map((meta, index) => changeItem(meta, 'create', Object.keys(fieldsList[index] ?? {}))), values, hlc);
      return { target, rows, set, metas };
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
