/**
 * Purging the trash for good, shared by "delete forever", "empty trash" and the sweep. Each
 * batch is one transaction (purge-batch.ts), so a sweep killed half-way leaves whole batches
 * and the next run goes on from there; a row already purged is simply not found again.
 */
import type { ValueCodec } from '../codec';
import type { RecordId, RecordKind } from '../records/types';
import type { PurgeReport } from './contract';
import { isRecordChange, type StoredRecord } from '../db/rows';
import {
  purgeBatch, setKeysInIdRange, type BatchWritten, type PurgedRecord, type PurgeReceipt, type ReadBefore, type RecordsBefore, type RecordsReader, type SelectTrashed,
} from './purge-batch';
import { awaitingRange } from './purge-rewrite';
import { rewriteAwaiting } from './purge-awaiting';
import type { StoreDeps } from '../db/store-deps';
import { notesTrashedWith } from '../db/trash-rows';

/** Rows per transaction for purges the owner asks for. */
export const PURGE_BATCH_SIZE = 1000;

/** A rewrite prepared from one read may find its set changed by the write; read again this often. */
const BATCH_ATTEMPTS = 4;

export type PurgeResult = PurgeReport & {
  /** Change sets that still hold purged records' values until a purger with the codec rewrites them. */
  readonly changeSetsAwaitingKey: number;
};

export interface Purger {
  /**
   * Purges every trashed row deleted at or before `before`, oldest first, `batchSize` rows per
   * transaction; `onBatch` hears each committed batch's own report.
   */
  readonly purgeExpired: (before: number, batchSize: number, onBatch?: (report: PurgeReport) => void) => Promise<PurgeResult>;
  /** Purges these ids and the notes trashed with them, if they are in the trash; live or unknown ids are left alone. */
  readonly purgeIds: (ids: readonly RecordId[]) => Promise<PurgeResult>;
  /**
   * Purges these ids whether live or in the trash (and the notes trashed with them): another
   * device's purge is final, even where this device still shows the record. Unknown ids are left
   * alone. The purge set it writes is not queued for sync: the other device's already travels.
   */
  readonly purgeHeld: (ids: readonly RecordId[]) => Promise<PurgeResult>;
  /** Finishes the change sets a purge without the codec left behind; returns how many it finished (0 without a codec). */
  readonly rewriteAwaitingKey: () => Promise<number>;
}

export type PurgerDeps = Omit<StoreDeps, 'codec'> & { readonly codec: ValueCodec | null };

const reportOf = (batches: readonly BatchWritten[]): PurgeReport => {
  const purged: Partial<Record<RecordKind, number>> = {};
  for (const row of batches.flatMap((batch) => batch.purged)) purged[row.kind] = (purged[row.kind] ?? 0) + 1;
  return {
    purged,
    changeSetsDeleted: batches.reduce((sum, batch) => sum + batch.changeSetsDeleted, 0),
    changeSetsRewritten: batches.reduce((sum, batch) => sum + batch.changeSetsRewritten, 0),
  };
};

const heldAmong = (ids: readonly RecordId[], trashedOnly: boolean): SelectTrashed => async (records) => {
  const rows = await Promise.all(ids.map((id) => records.get(id)));
  const trashed = rows.filter((row): row is StoredRecord => row !== undefined && (!trashedOnly || row.deletedAt !== null));
  const notes = await Promise.all(trashed.map((row) => notesTrashedWith(records, row)));
  const seen = new Set<RecordId>();
  return [...trashed, ...notes.flat()].filter((row) => !seen.has(row.id) && seen.add(row.id)).map(({ id, kind }) => ({ id, kind }));
};

/**
 * The oldest expired trash, keys only: inside the transaction the change log it reads anyway
 * names each record's kind; before it, so does the change log (`namedBefore`), or else the
 * `trashKinds` index keys; no body is read. All walk the trash in the same order (deletedAt,
 * then id), so they select the same rows.
 */
const expiredKeys = (before: number, batchSize: number): SelectTrashed => Object.assign(
  async (records: RecordsReader) =>
    (await records.index('trash').getAllKeys(IDBKeyRange.upperBound(before), batchSize)).map((id) => ({ id, kind: null })),
  { withKinds: async (read: ReadBefore) => await namedBefore(read, before, batchSize) ?? expiredKinds(read.objectStore('records'), before, batchSize) },
);

/**
 * The batch's rows with their kinds from a few requests: the trash index's keys, then the change
 * sets that name them (every write names its record's kind). A key cursor over `trashKinds` costs
 * a request result per row, a third of a sweep's tasks in its trace. Null when a row's kind is
 * not found this way, or the id range is crowded with other records' sets: the walk decides then.
 */
const namedBefore = async (read: ReadBefore, before: number, count: number): Promise<PurgedRecord[] | null> => {
  const ids = await read.objectStore('records').index('trash').getAllKeys(IDBKeyRange.upperBound(before), count);
  const changes = read.objectStore('changes');
  const keys = await setKeysInIdRange(changes.index('byRecord'), ids);
  if (keys === null) return null;
  const wanted = new Set(ids);
  const kinds = new Map<RecordId, RecordKind>();
  for (const set of await Promise.all(keys.map((key) => changes.get(key)))) {
    for (const change of set?.changes ?? []) if (isRecordChange(change) && wanted.has(change.recordId)) kinds.set(change.recordId, change.kind);
  }
  const named = ids.flatMap((id) => { const kind = kinds.get(id); return kind === undefined ? [] : [{ id, kind }]; });
  return named.length === ids.length ? named : null;
};

/** Up to `count` of the oldest rows trashed at or before `before`, with their kinds, from index keys alone. */
const expiredKinds = async (records: RecordsBefore, before: number, count: number): Promise<PurgedRecord[]> => {
  const found: PurgedRecord[] = [];
  // An array sorts after every string, so [before, []] bounds every key trashed at `before`.
  let cursor = await records.index('trashKinds').openKeyCursor(IDBKeyRange.upperBound([before, []]));
  while (cursor && found.length < count) {
    const [, id, kind] = cursor.key;
    found.push({ id, kind });
    cursor = found.length < count ? await cursor.continue() : null;
  }
  return found;
};

/** With `receipt`, each batch commits with its own audit entry. */
export const createPurger = (deps: PurgerDeps, receipt?: PurgeReceipt): Purger => {
  const { db, codec } = deps;

  const runBatch = async (select: SelectTrashed, queued = true): Promise<BatchWritten> => {
    const batch = await purgeBatch(deps, select, codec, BATCH_ATTEMPTS, receipt, queued);
    // No kinds: purged rows were already out of every list, so lists need not reload; the
    // trash view hears the ids, and the search index drops them without reading them back.
    if (batch.purged.length > 0) {
      deps.bus.publish({ ids: batch.purged.map((row) => row.id), kinds: [], settings: false, purged: true });
    }
    return batch;
  };

  const withAwaiting = async (report: PurgeReport): Promise<PurgeResult> =>
    ({ ...report, changeSetsAwaitingKey: await db.count('meta', awaitingRange()) });

  const purgeExpired: Purger['purgeExpired'] = async (before, batchSize, onBatch) => {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`Batch size must be a positive whole number, not ${batchSize}`);
    const batches: BatchWritten[] = [];
    for (;;) {
      const batch = await runBatch(expiredKeys(before, batchSize));
      if (batch.purged.length === 0) break;
      batches.push(batch);
      onBatch?.(reportOf([batch]));
      // A short batch took the last expired rows: asking again would only read an empty range.
      if (batch.purged.length < batchSize) break;
    }
    return withAwaiting(reportOf(batches));
  };

  const purgeAmong = async (ids: readonly RecordId[], trashedOnly: boolean): Promise<PurgeResult> => {
    const unique = [...new Set(ids)];
    const batches: BatchWritten[] = [];
    for (let start = 0; start < unique.length; start += PURGE_BATCH_SIZE) {
      // Only a purge of what this device's owner trashed is news to the other devices.
      const batch = await runBatch(heldAmong(unique.slice(start, start + PURGE_BATCH_SIZE), trashedOnly), trashedOnly);
      if (batch.purged.length > 0) batches.push(batch);
    }
    return withAwaiting(reportOf(batches));
  };

  const rewriteAwaitingKey = (): Promise<number> => (codec ? rewriteAwaiting({ db, codec }) : Promise.resolve(0));

  return {
    purgeExpired,
    purgeIds: (ids) => purgeAmong(ids, true),
    purgeHeld: (ids) => purgeAmong(ids, false),
    rewriteAwaitingKey,
  };
};
