import { unwrap, wrap, type IDBPIndex } from 'idb';
import { LISTED_KINDS, type ListedKind, type LocketRecord } from '../records/types';
import { readChangesFor, readRecentChanges } from './change-log';
import { recordAad } from '../codec';
import { attributionIn, readAttribution, type RecordAttribution } from '../db/attribution';
import type { ClearRowTest, RecordReads } from './contract';
import type { StoredRecord } from '../db/rows';
import { isLive, recordFromRow, recordsFromRows } from '../db/record-rows';
import type { LocketDb } from '../db/schema';
import type { StoreDeps } from '../db/store-deps';

type ListIndex = IDBPIndex<LocketDb, ['records'], 'records', 'list'>;

/** Every live record of a kind, whatever its updatedAt. */
const listRange = (kind: ListedKind): IDBKeyRange => IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]);

/** Offsets and limits come from the UI: anything that is not a whole, non-negative number means 0. */
const wholeNumber = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** IndexedDB's getAllRecords (Chromium 141 on; not in every browser yet): a page in either direction in one request. */
interface AllRecordsIndex {
  readonly getAllRecords?: (options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }) => IDBRequest<{ readonly value: StoredRecord }[]>;
}

/**
 * Newest first. The first page (what a list paints first) is one request where the browser
 * has getAllRecords; otherwise, and past the first page, a cursor whose `advance` skips the
 * offset without reading those rows' values. Both walk the index in the same order.
 */
const newestRows = async (index: ListIndex, kind: ListedKind, offset: number, limit: number): Promise<StoredRecord[]> => {
  const rows: StoredRecord[] = [];
  if (limit === 0) return rows;
  const raw: IDBIndex & AllRecordsIndex = unwrap(index);
  if (offset === 0 && typeof raw.getAllRecords === 'function') {
    const records = await wrap(raw.getAllRecords({ query: listRange(kind), count: limit, direction: 'prev' }));
    return records.map((record) => record.value);
  }
  let cursor = await index.openCursor(listRange(kind), 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor) {
    rows.push(cursor.value);
    if (rows.length >= limit) break;
    cursor = await cursor.continue();
  }
  return rows;
};

const newestFirst = (a: StoredRecord, b: StoredRecord): number =>
  b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export const createRecordReads = ({ db, codec }: Pick<StoreDeps, 'db' | 'codec'>): RecordReads => {
  const get = async (id: string): Promise<LocketRecord | undefined> => {
    const row = await db.get('records', id);
    return row ? recordFromRow(codec, row) : undefined;
  };

  /** In the order asked for; ids that do not exist are left out. */
  const getMany = async (ids: readonly string[]): Promise<LocketRecord[]> => {
    const tx = db.transaction('records');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    return recordsFromRows(codec, rows.filter((row) => row !== undefined));
  };

  const count = (kind: ListedKind): Promise<number> => db.countFromIndex('records', 'list', listRange(kind));

  const page = async (kind: ListedKind, offset: number, limit: number): Promise<LocketRecord[]> => {
    const index = db.transaction('records').store.index('list');
    const rows = await newestRows(index, kind, wholeNumber(offset), wholeNumber(limit));
    return recordsFromRows(codec, rows);
  };

  const linkedTo = async (id: string): Promise<LocketRecord[]> => {
    const rows = await db.getAllFromIndex('records', 'byLink', id);
    return recordsFromRows(codec, rows.filter(isLive));
  };

  /** The newest `limit` of each listed kind hold the newest `limit` overall; only those are decoded. */
  const recent = async (limit: number): Promise<LocketRecord[]> => {
    const wanted = wholeNumber(limit);
    const index = db.transaction('records').store.index('list');
    const perKind = await Promise.all(LISTED_KINDS.map((kind) => newestRows(index, kind, 0, wanted)));
    return recordsFromRows(codec, perKind.flat().sort(newestFirst).slice(0, wanted));
  };

  /** One page after `after` (by primary key), its live rows decoded; `next` is where the following page starts. */
  const readBatch = async (batchSize: number, after: string | undefined, keep: ClearRowTest | undefined) => {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const rows = await db.getAll('records', range, batchSize);
    const live = rows.filter((row) => isLive(row) && (keep === undefined || keep(row)));
    const records = live.length > 0 ? await recordsFromRows(codec, live) : [];
    const last = rows.at(-1);
    return { records, next: last && rows.length === batchSize ? last.id : undefined };
  };

  /**
   * Pages by primary key (ids sort by creation time), one short readonly transaction per page,
   * so `visit` runs outside any transaction and may take as long as it needs. The next page is
   * read and decoded while `visit` works on this one (at most two pages are held), so reading,
   * decrypting and visiting overlap. Rows `keep` refuses by what they show in the clear are
   * never decrypted.
   */
  const forEachBatch = async (
    batchSize: number,
    visit: (records: readonly LocketRecord[]) => void | Promise<void>,
    keep?: ClearRowTest,
  ): Promise<void> => {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`Batch size must be a positive whole number, not ${batchSize}`);
    let reading = readBatch(batchSize, undefined, keep);
    for (;;) {
      const { records, next } = await reading;
      if (next !== undefined) {
        reading = readBatch(batchSize, next, keep);
        // Observed now, awaited on the next turn: a visit that throws leaves it unawaited.
        reading.catch(() => undefined);
      }
      if (records.length > 0) await visit(records);
      if (next === undefined) return;
    }
  };

  const changesFor = (id: string) => readChangesFor({ db, codec }, id);
  const recentChanges = (id: string, count: number, before: string | null) => readRecentChanges({ db, codec }, id, count, before);

  const attribution = async (id: string): Promise<RecordAttribution | undefined> => {
    const row = await db.get('records', id);
    return row ? readAttribution(attributionIn(await codec.decode(row.body, recordAad(row))), row.createdAt) : undefined;
  };

  return { get, getMany, count, page, linkedTo, recent, forEachBatch, changesFor, recentChanges, attribution };
};
