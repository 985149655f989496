import { changeAad, recordAad } from '../codec';
import { stampWrite, withAttribution } from '../db/attribution';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { FieldsByKind, RecordKind } from '../records/types';
import type { FieldErrors } from '../records/field-problems';
import type { BulkInsertReport, RecordWrites } from './contract';
import type { ChangeSetItem, StoredChangeSet, StoredRecord } from '../db/rows';
import { rowFor } from '../db/record-rows';
import { announce, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { writeTransaction } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';
import { writeEach } from '../db/bare-requests';
import { stampClocks } from '../db/field-clocks';
import { taskDueOf } from '../tasks/due-instant';

/** Records per transaction (each batch one change set): large enough to be fast, small enough to stay responsive. */
export const BULK_BATCH_SIZE = 1000;

interface Batch {
  readonly rows: readonly StoredRecord[];
  readonly set: StoredChangeSet;
}

/**
 * Validates every input first, then writes the valid ones batch by batch, each batch one
 * transaction with one change set, announced once it commits. If a batch fails this
 * rejects; the batches before it stay written and were announced.
 */
export const createBulkInsert = (deps: StoreDeps): RecordWrites['insertMany'] => {
  const { db, codec, clock } = deps;

  const prepareBatch = async <K extends RecordKind>(kind: K, fieldsList: readonly FieldsByKind[K][]): Promise<Batch> => {
    const now = clock.now();
    const metas = fieldsList.map(() => ({ id: deps.newId(), kind, createdAt: now, updatedAt: now, deletedAt: null }));
    const hlc = deps.hlc.tick();
    // One codec call: every body, then the set's values (on create, all of each record's fields).
    const attribution = stampWrite(undefined, deps.deviceId, hlc, true);
    const bodies = fieldsList.map((fields) => withAttribution(fields, attribution));
    const encoded = await codec.encodeMany([...bodies, fieldsList], [...metas.map(recordAad), changeAad(hlc)]);
    const values = encoded[fieldsList.length];
    if (!values) throw new Error('The codec returned fewer values than it was given');
    const rows: StoredRecord[] = [];
    const changes: ChangeSetItem[] = [];
    fieldsList.forEach((fields, index) => {
      const body = encoded[index];
      const meta = metas[index];
      if (!body || !meta) throw new Error('The codec returned fewer values than it was given');
      rows.push(stampClocks(rowFor(meta, linksOf(kind, fields), body, taskDueOf(kind, fields)), undefined, Object.keys(fields), hlc));
      changes.push(changeItem(meta, 'create', Object.keys(fields)));
    });
    return { rows, set: changeSet(deps, changes, values, hlc) };
  };

  return async <K extends RecordKind>(kind: K, inputs: readonly unknown[]): Promise<BulkInsertReport> => {
    const valid: FieldsByKind[K][] = [];
    const invalid: { index: number; errors: FieldErrors }[] = [];
    inputs.forEach((input, index) => {
      const parsed = parseFields(kind, input);
      if (parsed.ok) valid.push(parsed.value);
      else invalid.push({ index, errors: parsed.error });
    });

    const prepareFrom = (start: number): Promise<Batch> | null => {
      if (start >= valid.length) return null;
      const preparing = prepareBatch(kind, valid.slice(start, start + BULK_BATCH_SIZE));
      // Observed now, awaited on the next turn: a batch that fails first leaves this one unawaited.
      preparing.catch(() => undefined);
      return preparing;
    };

    let inserted = 0;
    let next = prepareFrom(0);
    for (let start = 0; next; start += BULK_BATCH_SIZE) {
      const batch = await next;
      const writing = writeTransaction(db, ['records', 'changes', 'outbox'], (tx) => {
        return Promise.all([writeEach(tx.objectStore('records'), batch.rows, 'add'), appendChangeSet(tx, batch.set)]);
      });
      // The next batch is encoded while this one commits: its rows were already handed to
      // IndexedDB above, and it only opens its own transaction once this one has committed.
      next = prepareFrom(start + BULK_BATCH_SIZE);
      await writing;
      inserted += batch.rows.length;
      announce(deps.bus, batch.rows);
    }
    return { inserted, invalid };
  };
};
