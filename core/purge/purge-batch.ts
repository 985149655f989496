/**
 * One purge batch, one transaction: the rows go, and so does every change set that only
 * concerned them (or records already gone); sets that also concern surviving records are
 * rewritten (prepared beforehand with the codec) or remembered for a sweep with the key; one
 * purge set records what went. A kill before the commit leaves the batch untouched.
 */
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import type { AuditEntry } from '../audit/audit-log';
import type { RecordId, RecordKind } from '../records/types';
import { isRecordChange, type StoredChangeSet, type StoredRecord } from '../db/rows';
import type { ValueCodec } from '../codec';
import {
  awaitingKey, awaitingRange, droppedKey, parseAwaiting, prepareRewrites, setStamp, type PreparedRewrite, type RewriteRequest,
} from './purge-rewrite';
import { changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import type { LocketDatabase, LocketDb } from '../db/schema';
import { retriedWrite, STALE, type Participant, type WriteTransaction } from '../db/transaction';
import { addTombstones, appendChangeSet } from '../db/append-change-set';
import { markUnloggedChange } from '../db/unlogged-mark';

type PurgeStores = 'records' | 'changes' | 'meta' | 'outbox' | 'purged';
export type RecordsInPurge = IDBPObjectStore<LocketDb, PurgeStores[], 'records', 'readwrite'>;
type ChangesInPurge = IDBPObjectStore<LocketDb, PurgeStores[], 'changes', 'readwrite'>;

/** A record a batch purges; its kind is null when the selection read only keys (the change log names it). */
export interface PurgeTarget {
  readonly id: RecordId;
  readonly kind: RecordKind | null;
}

export interface PurgedRecord {
  readonly id: RecordId;
  readonly kind: RecordKind;
}

/** What a selection reads: the records store of the batch's transaction, or of a read before it. */
export interface RecordsReader {
  readonly get: (id: RecordId) => Promise<StoredRecord | undefined>;
  readonly index: ((name: 'byLink') => { readonly getAll: (id: RecordId) => Promise<StoredRecord[]> })
    & ((name: 'trash') => {
      readonly getAllKeys: (range: IDBKeyRange, count: number) => Promise<RecordId[]>;
      readonly getAll: (range: IDBKeyRange, count: number) => Promise<StoredRecord[]>;
    });
}

/** The read a receipt needs before the batch's transaction: the records and the change log that names their kinds. */
export type ReadBefore = IDBPTransaction<LocketDb, ('records' | 'changes')[], 'readonly'>;
/** The records store of that read. */
export type RecordsBefore = IDBPObjectStore<LocketDb, ('records' | 'changes')[], 'records', 'readonly'>;

/** Reads the trashed records this batch purges: inside the batch's transaction, and before it to name them in the receipt. */
export type SelectTrashed = ((records: RecordsReader) => Promise<readonly PurgeTarget[]>) & {
  /**
   * The same selection with every kind known, for the read a receipt needs before the
   * transaction: from the clear index keys where it can, instead of a read per row whose kind is unknown.
   */
  readonly withKinds?: (read: ReadBefore) => Promise<readonly PurgedRecord[]>;
};

export interface BatchWritten {
  readonly kind: 'written';
  readonly purged: readonly PurgedRecord[];
  readonly changeSetsDeleted: number;
  readonly changeSetsRewritten: number;
}

/** The audit entry a batch commits with, naming what it purges (by kind and count only). */
export type PurgeReceipt = (purged: readonly PurgedRecord[]) => Promise<Participant<AuditEntry> | null>;

/** Mixed sets the codec must rewrite first; nothing was written. */
interface BatchNeedsRewrite {
  readonly kind: 'needs-rewrite';
  readonly requests: readonly RewriteRequest[];
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

type PurgeDeps = Pick<StoreDeps, 'db' | 'hlc' | 'deviceId' | 'author'>;

/**
 * Purges one batch in one transaction. Mixed sets need the codec to rewrite them, which is not
 * IndexedDB work: the transaction that finds them is aborted (its deletes with it), the rewrites
 * are prepared, and the batch is tried again; each prepared rewrite is used only while its set
 * is as it was read and drops the same records. Without a codec mixed sets are remembered.
 */
export const purgeBatch = async (
  deps: PurgeDeps, select: SelectTrashed, codec: ValueCodec | null, attempts: number, receipt?: PurgeReceipt,
  /** False for a purge another device made: its own purge set travels; this one stays in the local log only. */
  queued = true,
): Promise<BatchWritten> => {
  let prepared: ReadonlyMap<string, PreparedRewrite> = new Map();
  let requests: readonly RewriteRequest[] = [];
  // The receipt names what the batch purges, which only the transaction's own read finds: a
  // first attempt that finds rows the staged receipt does not name stages it again for them.
  let named: readonly PurgedRecord[] | null = null;
  const { value } = await retriedWrite(deps.db, {
    subject: { type: 'purge' },
    stores: ['records', 'changes', 'meta', 'outbox', 'purged'],
    attempts: receipt ? attempts + 1 : attempts,
    prepare: async () => {
      // Rewrites still valid from an earlier read are kept; only the stale ones are prepared again.
      if (codec && requests.length > 0) prepared = new Map([...prepared, ...await prepareRewrites(codec, requests)]);
      if (receipt && named === null) named = await selectedBefore(deps.db, select);
      return { rewrites: prepared, named };
    },
    write: async (tx, ready) => {
      const written = await purgeIn(tx, deps, select, ready.rewrites, codec !== null, queued);
      if (written.kind !== 'written') {
        requests = written.requests;
        return STALE;
      }
      if (receipt && purgedKey(written.purged) !== purgedKey(ready.named ?? [])) {
        named = written.purged;
        return STALE;
      }
      return written;
    },
    ...(receipt ? { receipt: ({ named: rows }: { readonly named: readonly PurgedRecord[] | null }) => (rows && rows.length > 0 ? receipt(rows) : Promise.resolve(null)) } : {}),
  });
  return value;
};

/** What the batch will most likely purge, read before its transaction; the transaction checks it. */
const selectedBefore = async (db: LocketDatabase, select: SelectTrashed): Promise<PurgedRecord[]> => {
  const read = db.transaction(['records', 'changes']);
  if (select.withKinds) return [...await select.withKinds(read)];
  const records = read.objectStore('records');
  const targets = await select(records);
  const rows = await Promise.all(targets.map(async ({ id, kind }) => (kind ? { id, kind } : (await records.get(id)) ?? null)));
  return rows.flatMap((row) => (row ? [{ id: row.id, kind: row.kind }] : []));
};

const purgedKey = (rows: readonly PurgedRecord[]): string => rows.map((row) => `${row.kind}:${row.id}`).sort().join('|');

/** A batch's id range holds at most this many change-log entries per row before per-row reads are cheaper. */
const RANGE_READ_LIMIT = 4;

/** The `byRecord` index of `changes`, in any transaction that reads it. */
interface ByRecordKeys {
  readonly getAllKeys: (query: IDBKeyRange, count?: number) => Promise<string[]>;
}

/**
 * The keys of the change sets in the id range of `ids` (sorted, deduplicated), read at once;
 * null when the range also holds many other records' entries, where one read per record is cheaper.
 * Trash is often deleted in runs of neighbouring ids (an import, a rule).
 */
export const setKeysInIdRange = async (byRecord: ByRecordKeys, ids: readonly RecordId[]): Promise<string[] | null> => {
  const sorted = [...ids].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  // Capped one past the limit: a full answer means the range is crowded. (Cheaper than count(),
  // which Chromium answers by walking the range.)
  const limit = ids.length * RANGE_READ_LIMIT;
  const inRange = await byRecord.getAllKeys(IDBKeyRange.bound(first, last), limit + 1);
  return inRange.length <= limit ? [...new Set(inRange)] : null;
};

/** The keys of the change sets that touch these records: over their id range, else one read per record. */
const setKeysFor = async (changes: ChangesInPurge, ids: readonly RecordId[]): Promise<string[]> => {
  const byRecord = changes.index('byRecord');
  const inRange = await setKeysInIdRange(byRecord, ids);
  if (inRange !== null) return inRange;
  const keyLists = await Promise.all(ids.map((id) => byRecord.getAllKeys(id)));
  return [...new Set(keyLists.flat())];
};

/**
 * Every write names its record's kind in the change log, so keys are enough to select a
 * batch; a record no set names (none should be) is read, before anything is deleted.
 */
const withKinds = async (
  records: RecordsInPurge, targets: readonly PurgeTarget[], sets: readonly StoredChangeSet[],
): Promise<PurgedRecord[]> => {
  const kinds = new Map<RecordId, RecordKind>();
  for (const set of sets) for (const change of set.changes) if (isRecordChange(change)) kinds.set(change.recordId, change.kind);
  const resolved = await Promise.all(targets.map(async ({ id, kind }): Promise<PurgedRecord | undefined> => {
    const known = kind ?? kinds.get(id) ?? (await records.get(id))?.kind;
    return known === undefined ? undefined : { id, kind: known };
  }));
  return resolved.filter(defined);
};

const purgeIn = async (
  tx: WriteTransaction<PurgeStores>,
  deps: PurgeDeps,
  select: SelectTrashed,
  prepared: ReadonlyMap<string, PreparedRewrite>,
  canRewrite: boolean,
  queued: boolean,
): Promise<BatchWritten | BatchNeedsRewrite> => {
  const records = tx.objectStore('records');
  const changes = tx.objectStore('changes');
  const meta = tx.objectStore('meta');
  const targets = await select(records);
  if (targets.length === 0) return { kind: 'written', purged: [], changeSetsDeleted: 0, changeSetsRewritten: 0 };

  const purgedIds = new Set(targets.map((target) => target.id));
  const candidates = (await Promise.all((await setKeysFor(changes, [...purgedIds])).map((hlc) => changes.get(hlc)))).filter(defined);
  // A range read also finds sets of neighbouring records that stay: only sets touching a purged row count.
  const sets = candidates.filter((set) => set.recordIds.some((id) => purgedIds.has(id)));
  const rows = await withKinds(records, targets, sets);
  // Issued at once, so IndexedDB works through them while the rest is read.
  const removals = rows.map((row) => records.delete(row.id));
  const others = [...new Set(sets.flatMap((set) => set.recordIds).filter((id) => !purgedIds.has(id)))];
  const present = await Promise.all(others.map((id) => records.getKey(id)));
  const gone = new Set(others.filter((_, index) => present[index] === undefined));

  const settled = (id: RecordId): boolean => purgedIds.has(id) || gone.has(id);
  const whole = sets.filter((set) => set.changes.every((change) => settled(change.recordId)));
  const mixed = sets.filter((set) => !set.changes.every((change) => settled(change.recordId)));
  // Usually nothing awaits the key: then there are no remembered rows to read or to clear.
  const anyAwaiting = (await meta.count(awaitingRange())) > 0;
  const awaiting = anyAwaiting ? await Promise.all(mixed.map(async (set) => parseAwaiting(await meta.get(awaitingKey(set.hlc))))) : [];
  const dropsOf = mixed.map((set, index) => {
    const purgedHere = set.recordIds.filter((id) => purgedIds.has(id));
    return [...new Set([...(awaiting[index]?.purged ?? []), ...purgedHere])];
  });

  if (canRewrite) {
    const stale = mixed.flatMap((set, index): RewriteRequest[] => {
      const ready = prepared.get(set.hlc);
      const dropped = dropsOf[index] ?? [];
      return ready && ready.stamp === setStamp(set) && ready.dropped === droppedKey(dropped) ? [] : [{ set, dropped }];
    });
    if (stale.length > 0) return { kind: 'needs-rewrite', requests: stale };
  }

  const rewrites: StoredChangeSet[] = [];
  const emptied: string[] = [];
  const writes: Promise<unknown>[] = [];
  mixed.forEach((set, index) => {
    if (!canRewrite) {
      writes.push(meta.put({ hlc: set.hlc, purged: dropsOf[index] ?? [] }, awaitingKey(set.hlc)));
      return;
    }
    const rewritten = prepared.get(set.hlc)?.set;
    if (!rewritten) {
      emptied.push(set.hlc);
      return;
    }
    rewrites.push(rewritten);
    if (anyAwaiting) writes.push(meta.delete(awaitingKey(set.hlc)));
  });
  const deleted = [...whole.map((set) => set.hlc), ...emptied];
  // The purge set carries no values, only empty objects in the clear: a sweep writes it while locked.
  const purge = changeSet(deps, rows.map((row) => changeItem(row, 'purge', [])), { codec: 'plain', value: rows.map(() => ({})) }, deps.hlc.tick());
  await Promise.all([
    ...writes,
    ...removals,
    ...deleted.map((hlc) => changes.delete(hlc)),
    ...(anyAwaiting ? deleted.map((hlc) => meta.delete(awaitingKey(hlc))) : []),
    ...rewrites.map((set) => changes.put(set)),
    queued ? appendChangeSet(tx, purge) : changes.add(purge),
    addTombstones(tx, rows, purge.hlc, 'purge'),
    markUnloggedChange(meta),
  ]);
  return { kind: 'written', purged: rows, changeSetsDeleted: deleted.length, changeSetsRewritten: rewrites.length };
};
