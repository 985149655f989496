/**
 * Applies a batch (an import plan, or a bulk change's edits): records with the ids and timestamps the plan gave them, in
 * transactions of about a thousand, each transaction one change set tagged with the
 * import's batch id. An update's set also carries the fields' previous values (through
 * the codec), so undoImport can put them back.
 */
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { changeAad, changePreviousAad, recordAad, type EncodedValue } from '../codec';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import { parseUnlessChecked } from '../records/checked-fields';
import { parseChangedFields } from '../records/validate-changed';
import type { FieldsByKind, RecordKind, RecordMeta } from '../records/types';
import type { ChangeSetItem, StoredChangeSet, StoredRecord } from '../db/rows';
import { deepEqual } from '../db/deep-equal';
import type { BatchStartEntry, BatchWrites, ImportBatchReport, ImportBatchStore, ImportItemProblem, BatchItem } from './import-batch-types';
import { createUndoBatch } from './import-undo';
import { fieldsFromBody, isLive, metaOf, rowFor } from '../db/record-rows';
import { announce, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { retriedWrite, STALE, type Participant } from '../db/transaction';
import { writeFailureOf } from '../db/store-errors';
import { appendChangeSet } from '../db/append-change-set';
import { getEach, writeEach } from '../db/bare-requests';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { stampClocks } from '../db/field-clocks';
import { syncHints, tagEditOf } from '../record-store/sync-hints';
import { taskDueOf, type TaskDue } from '../tasks/due-instant';

export const IMPORT_BATCH_SIZE = 1000;

interface Prepared {
  readonly rows: readonly StoredRecord[];
  /** For each update row, the row as it was read: the transaction writes only if it is unchanged. */
  readonly expected: ReadonlyMap<string, StoredRecord>;
  readonly set: StoredChangeSet | null;
  readonly refused: readonly ImportItemProblem[];
}

const entries = (fields: object): Readonly<Record<string, unknown>> => Object.fromEntries(Object.entries(fields));

const pick = (fields: object, names: readonly string[]): Record<string, unknown> => {
  const all = entries(fields);
  return Object.fromEntries(names.map((name) => [name, all[name]]));
};

const changedNames = (before: object, after: object): string[] => {
  const old = entries(before);
  return Object.entries(after).filter(([name, value]) => !deepEqual(old[name], value)).map(([name]) => name);
};

/** Stages the entry a batch commits with, or null for none. */
type ImportReceipt = () => Promise<Participant<AuditEntry> | null>;

export const createImportBatch = (deps: StoreDeps, audit: AuditLog): ImportBatchStore & BatchWrites => {
  const { db, codec, clock } = deps;

  const prepare = async (batchId: string, items: readonly BatchItem[], offset: number): Promise<Prepared> => {
    const updateIds = items.filter((item) => item.op !== 'create').map((item) => item.id);
    const currentRows = new Map<string, StoredRecord>();
    for (const row of await getEach<StoredRecord>(db.transaction('records').store, updateIds)) if (row) currentRows.set(row.id, row);
    const currentBodies = await codec.decodeMany([...currentRows.values()].map((row) => row.body), [...currentRows.values()].map(recordAad));
    const currentFields = new Map([...currentRows.values()].map((row, index) => [row.id, currentBodies[index]]));

    const now = clock.now();
    const refused: ImportItemProblem[] = [];
    const metas: (RecordMeta & { readonly links: readonly string[]; readonly due: TaskDue | undefined })[] = [];
    const bodies: object[] = [];
    const changes: ChangeSetItem[] = [];
    const newValues: object[] = [];
    const previousValues: (object | null)[] = [];
    const expected = new Map<string, StoredRecord>();
    // Ticked before the changes are known: an update's tag clocks are this set's. An unused tick costs nothing.
    const hlc = deps.hlc.tick();

    items.forEach((item, position) => {
      const index = offset + position;
      // A plan's fields are checked before its record is looked up; an edit's only once it has seen them.
      const planned = item.op === 'edit' ? null : parseUnlessChecked(item.kind, item.fields);
      if (planned && !planned.ok) {
        refused.push({ index, id: item.id, reason: { type: 'invalid-fields', errors: planned.error } });
        return;
      }
      if (item.op === 'create' && planned) {
        const fields: FieldsByKind[RecordKind] = planned.value;
        const meta = { id: item.id, kind: item.kind, createdAt: item.createdAt, updatedAt: item.updatedAt, deletedAt: null };
        metas.push({ ...meta, links: linksOf(item.kind, fields), due: taskDueOf(item.kind, fields) });
        bodies.push(withAttribution(fields, stampWrite(undefined, deps.deviceId, hlc, true)));
        changes.push(changeItem(meta, 'create', Object.keys(fields)));
        newValues.push(fields);
        previousValues.push(null);
        return;
      }
      const row = currentRows.get(item.id);
      if (!row || !isLive(row) || (item.op === 'update' && row.kind !== item.kind)) {
        refused.push({ index, id: item.id, reason: { type: 'record-gone' } });
        return;
      }
      const decoded = currentFields.get(row.id);
      const before = fieldsFromBody(row, row.kind, decoded);
      const wanted = item.op === 'edit' ? item.edit(row.kind, before) : null;
      if (item.op === 'edit' && wanted === null) return;
      // An edit checks only the fields it changed: the others were checked as they were read (fieldsFromBody).
      const parsed = planned ?? (wanted ? parseChangedFields(row.kind, before, wanted, changedNames(before, wanted)) : parseFields(row.kind, wanted));
      if (!parsed.ok) {
        refused.push({ index, id: item.id, reason: { type: 'invalid-fields', errors: parsed.error } });
        return;
      }
      // Tags are a set merged per tag elsewhere: the update names what it added and removed, as an edit does.
      const tagEdit = tagEditOf(row, decoded, before, parsed.value, hlc);
      const after = { ...parsed.value, ...('tags' in before ? { tags: tagEdit?.tags ?? before.tags } : {}) };
      const changed = changedNames(before, after);
      if (changed.length === 0) return;
      const sync = syncHints(row, decoded, tagEdit, changed);
      const meta = { ...metaOf(row), updatedAt: now };
      metas.push({ ...meta, links: linksOf(row.kind, after), due: taskDueOf(row.kind, after) });
      bodies.push(withAttribution({ ...after, ...sync.body }, stampWrite(attributionIn(decoded), deps.deviceId, hlc, false)));
      changes.push(changeItem(meta, 'update', changed));
      newValues.push({ ...pick(after, changed), ...sync.values });
      previousValues.push(pick(before, changed));
      expected.set(row.id, row);
    });
    if (metas.length === 0) return { rows: [], expected, set: null, refused };

    // One codec call: every body, then the set's new values, then its previous values.
    const encoded = await codec.encodeMany(
      [...bodies, newValues, previousValues],
      [...metas.map(recordAad), changeAad(hlc), changePreviousAad(hlc)],
    );
    const values = encoded[bodies.length];
    const previous = encoded[bodies.length + 1];
    if (!values || !previous) throw new Error('The codec returned fewer values than it was given');
    const rows = metas.map((meta, index) => {
      const body: EncodedValue | undefined = encoded[index];
      if (!body) throw new Error('The codec returned fewer values than it was given');
      return stampClocks(rowFor(meta, meta.links, body, meta.due), expected.get(meta.id), changes[index]?.changed ?? [], hlc);
    });
    return { rows, expected, set: { ...changeSet(deps, changes, values, hlc), batchId, previous }, refused };
  };

  /**
   * Writes one prepared batch, only if every record it updates is as it was read. `early` is
   * the batch's first preparation, started while the batch before it committed; a retry
   * prepares again from what is stored then.
   */
  const write = (batchId: string, slice: readonly BatchItem[], start: number, receipt: ImportReceipt, early: Promise<Prepared>) => {
    let first: Promise<Prepared> | null = early;
    return retriedWrite(db, {
      subject: { type: 'import' },
      stores: ['records', 'changes', 'outbox'],
      prepare: () => {
        const preparing = first ?? prepare(batchId, slice, start);
        first = null;
        return preparing;
      },
      receipt: (prepared) => (prepared.set ? receipt() : Promise.resolve(null)),
      write: async (tx, prepared) => {
        const { rows, expected, set } = prepared;
        if (!set) return prepared;
        const records = tx.objectStore('records');
        const latest = await getEach<StoredRecord>(records, [...expected.keys()]);
        if (latest.some((row) => !row || !deepEqual(row, expected.get(row.id)))) return STALE;
        await Promise.all([
          writeEach(records, rows.filter((row) => expected.has(row.id)), 'put'),
          writeEach(records, rows.filter((row) => !expected.has(row.id)), 'add'),
          appendChangeSet(tx, set),
        ]);
        return prepared;
      },
    });
  };

  const applyBatch: BatchWrites['applyBatch'] = async (batchId, items, startEntry, onProgress) => {
    let written = 0;
    const refused: ImportItemProblem[] = [];
    // The first batch that writes anything commits the batch's entry, so a run cut short after
    // it is in the log; the caller adds the closing entry (`import-done`…) with the totals.
    let started = false;
    const startReceipt: ImportReceipt = () => (started ? Promise.resolve(null) : audit.stage(startEntry(batchId, items.length)));
    const prepareFrom = (start: number): Promise<Prepared> | null => {
      if (start >= items.length) return null;
      const preparing = prepare(batchId, items.slice(start, start + IMPORT_BATCH_SIZE), start);
      // Observed now, awaited on the next turn: a batch that fails first leaves this one unawaited.
      preparing.catch(() => undefined);
      return preparing;
    };
    let next = prepareFrom(0);
    for (let start = 0; next; start += IMPORT_BATCH_SIZE) {
      const slice = items.slice(start, start + IMPORT_BATCH_SIZE);
      const early = next;
      try {
        const writing = write(batchId, slice, start, startReceipt, early);
        // The next batch is read and encoded while this one is written and commits.
        next = prepareFrom(start + IMPORT_BATCH_SIZE);
        const { value: prepared } = await writing;
        if (prepared.set) started = true;
        refused.push(...prepared.refused);
        written += prepared.rows.length;
        announce(deps.bus, prepared.rows);
      } catch (error) {
        const report: ImportBatchReport = { written, refused, failure: { firstIndex: start, notWritten: items.length - start, reason: writeFailureOf(error) } };
        return report;
      }
      onProgress?.(Math.min(items.length, start + IMPORT_BATCH_SIZE));
    }
    return { written, refused, failure: null };
  };

  const undoBatch = createUndoBatch(deps, audit);
  return {
    applyBatch,
    undoBatch,
    applyImport: (batchId, items, onProgress) => applyBatch(batchId, items, importStarted(deps.author), onProgress),
    undoImport: (batchId) => undoBatch(batchId, (id) => ({ type: 'import-undo-started', by: deps.author, subjects: [], detail: { batchId: id } })),
  };
};

const importStarted = (author: string): BatchStartEntry => (batchId, planned) =>
  ({ type: 'import-started', by: author, subjects: [], detail: { batchId, planned } });
