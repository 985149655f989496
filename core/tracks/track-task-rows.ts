/**
 * The stored rows and the one change set for tasks a track makes, encoded before the
 * transaction opens (the codec is not IndexedDB work). Applying a track and starting a
 * track's next step both write through this, each with its own audit entry.
 */
import { changeAad, recordAad } from '../codec';
import { stampWrite, withAttribution } from '../db/attribution';
import { stampClocks } from '../db/field-clocks';
import { rowFor } from '../db/record-rows';
import type { StoredChangeSet, StoredRecord } from '../db/rows';
import { changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { RecordMeta, TaskFields } from '../records/types';
import { taskDueOf } from '../tasks/due-instant';

export interface TrackTaskRows {
  readonly rows: readonly StoredRecord[];
  readonly set: StoredChangeSet;
  readonly fields: readonly TaskFields[];
}

/** Null when a task does not pass the record rules (a track step edited into something invalid). */
export const trackTaskRows = async (deps: StoreDeps, tasks: readonly TaskFields[]): Promise<TrackTaskRows | null> => {
  const fieldsList: TaskFields[] = [];
  for (const fields of tasks) {
    const parsed = parseFields('task', fields);
    if (!parsed.ok) return null;
    fieldsList.push(parsed.value);
  }
  const now = deps.clock.now();
  const metas: RecordMeta<'task'>[] = fieldsList.map(() => ({ id: deps.newId(), kind: 'task', createdAt: now, updatedAt: now, deletedAt: null }));
  const hlc = deps.hlc.tick();
  const attribution = stampWrite(undefined, deps.deviceId, hlc, true);
  const encoded = await deps.codec.encodeMany(
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
  return { rows, set, fields: fieldsList };
};
