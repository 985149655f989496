/**
 * Undoes one batch (an import or a bulk change). Records it updated get their previous fields back first, then
 * records it created are removed for good (they never existed before the import), newest
 * first so that a person goes before the organisation it links to. A record changed since
 * the import, or one that records outside the import now link to, is left alone and
 * reported. Every step is written as new change sets (marked `undoOf`), one transaction per
 * import set; running the undo again finds nothing left to do. A record removed is removed for
 * good, as a purge is: it leaves a tombstone in the same transaction, so no edit another device
 * made before it heard of the undo brings it back here (elsewhere the undo arrives as a purge).
 */
import * as v from 'valibot';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { changeAad, changePreviousAad, recordAad } from '../codec';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { RecordId } from '../records/types';
import { isRecordChange, type RecordChangeItem, type StoredChangeSet, type StoredRecord } from '../db/rows';
import type { BatchWrites, UndoImportReport, UndoSkip, UndoSkipReason } from './import-batch-types';
import { fieldsFromBody, metaOf, restoredRow, rowFor } from '../db/record-rows';
import { announce, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { deepEqual } from '../db/deep-equal';
import { retriedWrite, settled, STALE, type Participant, type Settled, type Stale } from '../db/transaction';
import { addTombstones, appendChangeSet } from '../db/append-change-set';
import { stampClocks } from '../db/field-clocks';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { syncHints, tagEditOf } from '../record-store/sync-hints';
import { taskDueOf } from '../tasks/due-instant';
import { markUnloggedChange } from '../db/unlogged-mark';

/** An import set's previous values: one element per change, an object for updates, null for creates. */
const PreviousSchema = v.array(v.nullable(v.record(v.string(), v.unknown())));

interface Target {
  readonly change: RecordChangeItem;
  readonly row: StoredRecord | undefined;
  /** Change sets after the import's that touched the record, other than this undo's own. */
  readonly changedSince: boolean;
  readonly undone: boolean;
  /** Ids of the records that link to this one. */
  readonly linkers: readonly RecordId[];
}

const pick = (fields: object, names: readonly string[]): Record<string, unknown> => {
  const all = Object.fromEntries(Object.entries(fields));
  return Object.fromEntries(names.map((name) => [name, all[name]]));
};

/** Stages the entry a step commits with, or null for none. */
type UndoReceipt = () => Promise<Participant<AuditEntry> | null>;

export const createUndoBatch = (deps: StoreDeps, audit: AuditLog): BatchWrites['undoBatch'] => {
  const { db, codec, clock } = deps;

  const readTargets = async (set: StoredChangeSet, batchId: string, op: 'create' | 'update' | 'delete'): Promise<Target[]> => {
    // An import's sets hold records only.
    const changes = set.changes.filter(isRecordChange).filter((change) => change.op === op);
    const tx = db.transaction(['records', 'changes']);
    const records = tx.objectStore('records');
    const log = tx.objectStore('changes');
    const read = await Promise.all(changes.map(async (change) => {
      const [row, keys, linkers] = await Promise.all([
        records.get(change.recordId),
        log.index('byRecord').getAllKeys(change.recordId),
        records.index('byLink').getAllKeys(change.recordId),
      ]);
      const later = await Promise.all(keys.filter((key) => key > set.hlc).map((key) => log.get(key)));
      const others = later.filter((other) => other?.undoOf !== batchId && other?.batchId !== batchId);
      const undone = later.some((other) => other?.undoOf === batchId);
      return { change, row, changedSince: others.length > 0, undone, linkers };
    }));
    return read;
  };

  /** The one write of an undo step: `puts` and `removed` land only if every `expected` row is as read. */
  interface UndoWrite {
    readonly expected: readonly StoredRecord[];
    readonly puts: readonly StoredRecord[];
    readonly removed: readonly RecordId[];
    readonly set: StoredChangeSet;
  }
  interface UndoStep {
    readonly found: readonly UndoSkip[];
    readonly written: readonly StoredRecord[];
  }

  const commit = (prepare: () => Promise<UndoWrite & UndoStep | Settled<UndoStep>>, receipt: UndoReceipt) => retriedWrite(db, {
    subject: { type: 'import-undo' },
    stores: ['records', 'changes', 'outbox', 'purged', 'meta'],
    prepare,
    receipt,
    write: async (tx, { expected, puts, removed, set, found, written }): Promise<UndoStep | Stale> => {
      const records = tx.objectStore('records');
      const latest = await Promise.all(expected.map((row) => records.get(row.id)));
      if (latest.some((row, index) => !deepEqual(row, expected[index]))) return STALE;
      const gone = expected.filter((row) => removed.includes(row.id));
      await Promise.all([
        ...puts.map((row) => records.put(row)), ...removed.map((id) => records.delete(id)), appendChangeSet(tx, set),
        addTombstones(tx, gone, set.hlc, 'purge'),
        ...(removed.length > 0 ? [markUnloggedChange(tx.objectStore('meta'))] : []),
      ]);
      return { found, written };
    },
  });

  const skipOf = (target: Target, reason: UndoSkipReason): UndoSkip => ({ id: target.change.recordId, kind: target.change.kind, reason });

  const restoreSet = async (set: StoredChangeSet, batchId: string, skipped: UndoSkip[], receipt: UndoReceipt): Promise<number> => {
    if (!set.previous || !set.changes.some((change) => change.op === 'update')) return 0;
    const previous = v.parse(PreviousSchema, await codec.decode(set.previous, changePreviousAad(set.hlc)));
    if (previous.length !== set.changes.length) {
      // Rewritten since (an erasure drops changes): what is left no longer says which value was whose.
      const lost = set.changes.filter(isRecordChange).filter((change) => change.op === 'update');
      skipped.push(...lost.map((change) => ({ id: change.recordId, kind: change.kind, reason: { type: 'earlier-values-lost' as const } })));
      return 0;
    }
    const previousOf = new Map(set.changes.map((change, index) => [change.recordId, previous[index] ?? null]));
    const { value: { found, written } } = await commit(async () => {
      const found: UndoSkip[] = [];
      const targets = await readTargets(set, batchId, 'update');
      const ready = targets.filter((target) => {
        if (target.undone) return false;
        if (!target.row || target.row.deletedAt !== null) found.push(skipOf(target, { type: 'deleted-since' }));
        else if (target.changedSince) found.push(skipOf(target, { type: 'changed-since', undoing: 'update' }));
        else return true;
        return false;
      });
      const rows = ready.flatMap((target) => (target.row ? [target.row] : []));
      if (rows.length === 0) return settled({ found, written: [] });
      const current = await codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad));
      const hlc = deps.hlc.tick();
      const restored = rows.map((row, index) => {
        const back = previousOf.get(row.id) ?? {};
        const before = fieldsFromBody(row, row.kind, current[index]);
        const parsed = parseFields(row.kind, { ...before, ...back });
        if (!parsed.ok) throw new Error(`The earlier fields of record ${row.id} no longer pass validation`);
        // Tags come back as an edit would bring them: naming what returns and what goes, so other devices merge them alike.
        const tagEdit = tagEditOf(row, current[index], before, parsed.value, hlc);
        const fields = { ...parsed.value, ...('tags' in before ? { tags: tagEdit?.tags ?? before.tags } : {}) };
        const names = Object.keys(back);
        const sync = syncHints(row, current[index], tagEdit, names);
        return { row, fields, names, body: withAttribution({ ...fields, ...sync.body }, stampWrite(attributionIn(current[index]), deps.deviceId, hlc, false)), values: { ...pick(fields, names), ...sync.values } };
      });
      const now = clock.now();
      const encoded = await codec.encodeMany(
        [...restored.map((r) => r.body), restored.map((r) => r.values)],
        [...restored.map((r) => recordAad(r.row)), changeAad(hlc)],
      );
      const values = encoded[restored.length];
      if (!values) throw new Error('The codec returned fewer values than it was given');
      const puts = restored.map(({ row, fields }, index) => {
        const body = encoded[index];
        if (!body) throw new Error('The codec returned fewer values than it was given');
        return stampClocks(rowFor({ ...metaOf(row), updatedAt: now }, linksOf(row.kind, fields), body, taskDueOf(row.kind, fields)), row, restored[index]?.names ?? [], hlc);
      });
      const undo = { ...changeSet(deps, restored.map(({ row, names }) => changeItem(row, 'update', names)), values, hlc), undoOf: batchId };
      return { expected: rows, puts, removed: [], set: undo, found, written: puts };
    }, receipt);
    skipped.push(...found);
    announce(deps.bus, written);
    return written.length;
  };

  /** A bulk move to the trash: its records (and the notes that went with them) come back, unless touched since. */
  const untrashSet = async (set: StoredChangeSet, batchId: string, skipped: UndoSkip[], receipt: UndoReceipt): Promise<number> => {
    if (!set.changes.some((change) => change.op === 'delete')) return 0;
    const { value: { found, written } } = await commit(async () => {
      const found: UndoSkip[] = [];
      const chosen: StoredRecord[] = [];
      for (const target of await readTargets(set, batchId, 'delete')) {
        if (target.undone) continue;
        if (!target.row) found.push(skipOf(target, { type: 'deleted-since' }));
        else if (target.changedSince || target.row.deletedAt === null) found.push(skipOf(target, { type: 'changed-since', undoing: 'update' }));
        else chosen.push(target.row);
      }
      if (chosen.length === 0) return settled({ found, written: [] });
      const now = clock.now();
      const hlc = deps.hlc.tick();
      const values = await codec.encode(chosen.map(() => ({ deletedAt: null })), changeAad(hlc));
      const undo = { ...changeSet(deps, chosen.map((row) => changeItem(row, 'restore', ['deletedAt'])), values, hlc), undoOf: batchId };
      const puts = chosen.map((row) => restoredRow(row, now, hlc));
      return { expected: chosen, puts, removed: [], set: undo, found, written: puts };
    }, receipt);
    skipped.push(...found);
    announce(deps.bus, written);
    return written.length;
  };

  const removeSet = async (set: StoredChangeSet, batchId: string, removing: Set<RecordId>, skipped: UndoSkip[], receipt: UndoReceipt): Promise<number> => {
    const { value: { found, written } } = await commit(async () => {
      const found: UndoSkip[] = [];
      const chosen: StoredRecord[] = [];
      // Grows as this set's records are chosen; becomes `removing` only once they are written.
      const going = new Set(removing);
      // Newest first: a record is removed only when everything linking to it is being removed too.
      for (const target of (await readTargets(set, batchId, 'create')).reverse()) {
        if (!target.row || target.undone) continue;
        if (target.changedSince) found.push(skipOf(target, { type: 'changed-since', undoing: 'create' }));
        else if (target.linkers.some((id) => !going.has(id))) found.push(skipOf(target, { type: 'linked-since' }));
        else { chosen.push(target.row); going.add(target.row.id); }
      }
      if (chosen.length === 0) return settled({ found, written: [] });
      const now = clock.now();
      const hlc = deps.hlc.tick();
      const values = await codec.encode(chosen.map(() => ({ purgedAt: now })), changeAad(hlc));
      const undo = { ...changeSet(deps, chosen.map((row) => changeItem(row, 'delete', ['purgedAt'])), values, hlc), undoOf: batchId };
      return { expected: chosen, puts: [], removed: chosen.map((row) => row.id), set: undo, found, written: chosen };
    }, receipt);
    for (const row of written) removing.add(row.id);
    skipped.push(...found);
    announce(deps.bus, written);
    return written.length;
  };

  return async (batchId, startEntry): Promise<UndoImportReport> => {
    const keys = await db.getAllKeysFromIndex('changes', 'byBatch', batchId);
    const skipped: UndoSkip[] = [];
    let restored = 0;
    let removed = 0;
    // The first step that writes commits the undo's entry, so an undo cut short after it is in
    // the log; the worker adds `import-undone` with the totals when it ends.
    const receipt: UndoReceipt = () => (restored + removed > 0
      ? Promise.resolve(null)
      : audit.stage(startEntry(batchId)));
    for (const key of keys) {
      const set = await db.get('changes', key);
      if (set) restored += await restoreSet(set, batchId, skipped, receipt) + await untrashSet(set, batchId, skipped, receipt);
    }
    const removing = new Set<RecordId>();
    for (const key of [...keys].reverse()) {
      const set = await db.get('changes', key);
      if (set) removed += await removeSet(set, batchId, removing, skipped, receipt);
    }
    return { removed, restored, skipped };
  };
};
