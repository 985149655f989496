/**
 * One merge, convert or undo as rows to write and one change set describing them: built
 * before the transaction (codec work), then written only if every row it was built from is
 * still as read (merge-commit.ts). Each edit is made as the record store's own writes make it
 * (attribution, field clocks, tag clocks), so sync and history read it like any other write.
 */
import { changeAad, recordAad, type EncodedValue } from '../codec';
import { linksOf } from '../records/links';
import type { FieldsByKind, RecordId, RecordKind, RecordMeta } from '../records/types';
import type { RecordChangeItem, StoredChangeSet, StoredRecord } from '../db/rows';
import { metaOf, restoredRow, rowFor, trashedRow } from '../db/record-rows';
import { changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { deepEqual } from '../db/deep-equal';
import { stampClocks } from '../db/field-clocks';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { syncHints, tagEditOf } from '../record-store/sync-hints';
import { taskDueOf } from '../tasks/due-instant';

/** A live record as read for an edit: its row, its decoded body and its validated fields. */
export interface ReadRecord<K extends RecordKind = RecordKind> {
  readonly row: StoredRecord;
  readonly decoded: unknown;
  readonly fields: FieldsByKind[K];
}

export interface WritePlan {
  /** Rows read to build the plan, by id (undefined: read as absent); the write is stale if any differs. */
  readonly expected: ReadonlyMap<RecordId, StoredRecord | undefined>;
  readonly puts: readonly StoredRecord[];
  /** Removed for good (with a tombstone), as an import undo removes what it created. */
  readonly purged: readonly StoredRecord[];
  readonly set: StoredChangeSet;
  /** Every record the plan writes, for the bus once committed. */
  readonly touched: readonly { readonly id: RecordId; readonly kind: RecordKind }[];
}

interface Pending {
  readonly item: RecordChangeItem;
  readonly values: object;
  /** A body to encode, and how to make the row from it; absent when the row needs no new body. */
  readonly body?: { readonly meta: RecordMeta; readonly plain: object; readonly finish: (body: EncodedValue) => StoredRecord };
  readonly row?: StoredRecord;
  readonly purge?: StoredRecord;
}

const asEntries = (fields: object): Readonly<Record<string, unknown>> => Object.fromEntries(Object.entries(fields));

export const createWritePlan = (deps: StoreDeps) => {
  const hlc = deps.hlc.tick();
  const now = deps.clock.now();
  const pending: Pending[] = [];
  const expected = new Map<RecordId, StoredRecord | undefined>();

  const expect = (id: RecordId, row: StoredRecord | undefined): void => { expected.set(id, row); };

  /** `next` are the record's whole validated fields; nothing is planned when none changed. */
  const update = <K extends RecordKind>(read: ReadRecord<K>, next: FieldsByKind[K]): void => {
    const { row, decoded, fields: current } = read;
    expect(row.id, row);
    const tagEdit = tagEditOf(row, decoded, current, next, hlc);
    const fields = { ...next, ...('tags' in current ? { tags: tagEdit?.tags ?? current.tags } : {}) };
    const old = asEntries(current);
    const changed = Object.entries(fields).filter(([name, value]) => !deepEqual(old[name], value)).map(([name]) => name);
    if (changed.length === 0) return;
    const meta: RecordMeta = { ...metaOf(row), updatedAt: now };
    const sync = syncHints(row, decoded, tagEdit, changed);
    const all = asEntries(fields);
    pending.push({
      item: changeItem(row, 'update', changed),
      values: { ...Object.fromEntries(changed.map((name) => [name, all[name]])), ...sync.values },
      body: {
        meta,
        plain: withAttribution({ ...fields, ...sync.body }, stampWrite(attributionIn(decoded), deps.deviceId, hlc, false)),
        finish: (body) => stampClocks(rowFor(meta, linksOf(row.kind, fields as FieldsByKind[RecordKind]), body, taskDueOf(row.kind, fields as FieldsByKind[RecordKind])), row, changed, hlc),
      },
    });
  };

  const create = <K extends RecordKind>(kind: K, fields: FieldsByKind[K]): RecordId => {
    const meta: RecordMeta = { id: deps.newId(), kind, createdAt: now, updatedAt: now, deletedAt: null };
    expect(meta.id, undefined);
    pending.push({
      item: changeItem(meta, 'create', Object.keys(fields)),
      values: fields,
      body: {
        meta,
        plain: withAttribution(fields, stampWrite(undefined, deps.deviceId, hlc, true)),
        finish: (body) => stampClocks(rowFor(meta, linksOf(kind, fields), body, taskDueOf(kind, fields)), undefined, Object.keys(fields), hlc),
      },
    });
    return meta.id;
  };

  const trash = (row: StoredRecord): void => {
    expect(row.id, row);
    pending.push({ item: changeItem(row, 'delete', ['deletedAt']), values: { deletedAt: now }, row: trashedRow(row, now, deps.author, hlc) });
  };

  const restore = (row: StoredRecord): void => {
    expect(row.id, row);
    pending.push({ item: changeItem(row, 'restore', ['deletedAt']), values: { deletedAt: null }, row: restoredRow(row, now, hlc) });
  };

  /** Removes a record this act created, for good: it did not exist before. */
  const purge = (row: StoredRecord): void => {
    expect(row.id, row);
    pending.push({ item: changeItem(row, 'delete', ['purgedAt']), values: { purgedAt: now }, purge: row });
  };

  /** Encodes every body and the set's values in one codec call. */
  const finish = async (): Promise<WritePlan> => {
    const bodies = pending.flatMap((each) => (each.body ? [each.body] : []));
    const encoded = await deps.codec.encodeMany(
      [...bodies.map((body) => body.plain), pending.map((each) => each.values)],
      [...bodies.map((body) => recordAad(body.meta)), changeAad(hlc)],
    );
    const values = encoded[bodies.length];
    if (!values || encoded.length !== bodies.length + 1) throw new Error('The codec returned fewer values than it was given');
    let next = 0;
    const puts: StoredRecord[] = [];
    for (const each of pending) {
      if (each.body) puts.push(each.body.finish(encoded[next++] as EncodedValue));
      else if (each.row) puts.push(each.row);
    }
    return {
      expected,
      puts,
      purged: pending.flatMap((each) => (each.purge ? [each.purge] : [])),
      set: changeSet(deps, pending.map((each) => each.item), values, hlc),
      touched: pending.map((each) => each.item).map((item) => ({ id: item.recordId, kind: item.kind })),
    };
  };

  return { hlc, now, update, create, trash, restore, purge, finish, isEmpty: () => pending.length === 0 };
};

export type WritePlanBuilder = ReturnType<typeof createWritePlan>;
