import type { StoredRecord } from '../db/rows';
import type { TrashItem, TrashStore } from './contract';
import { recordsFromRows } from '../db/record-rows';
import type { LocketDatabase } from '../db/schema';
import type { StoreDeps } from '../db/store-deps';
import { deletedByOf, noteTarget, notesTrashedWith, trashedWithTarget } from '../db/trash-rows';

/** Trashed rows read per request while counting. */
const SCAN_PAGE = 500;

/** Offsets and limits come from the UI: anything that is not a whole, non-negative number means 0. */
const wholeNumber = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

const readRows = async (db: LocketDatabase, ids: readonly string[]): Promise<StoredRecord[]> => {
  const store = db.transaction('records').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  return rows.filter((row) => row !== undefined);
};

/**
 * Visits every trashed row, oldest deletion first, a page at a time with getAll over the trash
 * index. Rows deleted at the same moment share one index key, so a page that ends inside such
 * a group continues with the group's keys, then its rows a page at a time.
 */
const forEachTrashPage = async (db: LocketDatabase, visit: (rows: readonly StoredRecord[]) => Promise<void>): Promise<void> => {
  let after: number | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const rows: StoredRecord[] = await db.getAllFromIndex('records', 'trash', range, SCAN_PAGE);
    const last = rows.at(-1)?.deletedAt;
    if (rows.length < SCAN_PAGE || last === undefined || last === null) {
      if (rows.length > 0) await visit(rows);
      return;
    }
    const earlier = rows.filter((row) => row.deletedAt !== last);
    if (earlier.length > 0) await visit(earlier);
    const group = await db.getAllKeysFromIndex('records', 'trash', IDBKeyRange.only(last));
    for (let start = 0; start < group.length; start += SCAN_PAGE) {
      const groupRows = await readRows(db, group.slice(start, start + SCAN_PAGE));
      await visit(groupRows.filter((row) => row.deletedAt === last));
    }
    after = last;
  }
};

/** How many of `rows` the trash view lists: all but the notes that went with their record. */
const listedCount = async (db: LocketDatabase, rows: readonly StoredRecord[]): Promise<number> => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const elsewhere = [...new Set(rows.flatMap((row) => {
    const target = noteTarget(row);
    return target !== undefined && !byId.has(target) ? [target] : [];
  }))];
  for (const row of await readRows(db, elsewhere)) byId.set(row.id, row);
  return rows.filter((row) => {
    const target = noteTarget(row);
    return !trashedWithTarget(row, target === undefined ? undefined : byId.get(target));
  }).length;
};

export const createTrashReads = ({ db, codec }: Pick<StoreDeps, 'db' | 'codec'>): Pick<TrashStore, 'trashCount' | 'trashPage'> => {
  const trashCount = async (): Promise<number> => {
    let count = 0;
    await forEachTrashPage(db, async (rows) => { count += await listedCount(db, rows); });
    return count;
  };

  /** Newest deletion first; walks only as far as the page asks (offset + limit listed rows). */
  const trashPage = async (offset: number, limit: number): Promise<TrashItem[]> => {
    const skip = wholeNumber(offset);
    const wanted = wholeNumber(limit);
    if (wanted === 0) return [];
    const store = db.transaction('records').store;
    const rows: StoredRecord[] = [];
    let skipped = 0;
    let cursor = await store.index('trash').openCursor(null, 'prev');
    while (cursor && rows.length < wanted) {
      const row = cursor.value;
      const target = noteTarget(row);
      const companion = target !== undefined && trashedWithTarget(row, await store.get(target));
      if (!companion && skipped < skip) skipped++;
      else if (!companion) rows.push(row);
      cursor = await cursor.continue();
    }
    const notes = await Promise.all(rows.map((row) => notesTrashedWith(store, row)));
    const records = await recordsFromRows(codec, rows);
    return rows.flatMap((row, index) => {
      const record = records[index];
      return record ? [{ record, deletedBy: deletedByOf(row), notes: notes[index]?.length ?? 0 }] : [];
    });
  };

  return { trashCount, trashPage };
};
