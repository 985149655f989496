import { describe, expect, it } from 'vitest';
import { forEachIndexBatch } from '../../../core/db/index-batches';
import type { StoredRecord } from '../../../core/db/rows';
import { createHarness } from '../store/harness';

/** A live task row as stored, due at `dueKey`; only what the indexes read is real. */
const row = (id: string, dueKey: number): StoredRecord => ({
  id, kind: 'task', createdAt: 1, updatedAt: 1, deletedAt: null, listKey: ['task', 1], dueKey, links: [], body: { v: id } as unknown as StoredRecord['body'],
});

/** 23 tasks, most of them due at one of two instants: more rows share a key than fit in a batch. */
const seeded = async () => {
  const harness = await createHarness();
  const dues = [5, 5, 5, 5, 5, 5, 5, 1, 9, 9, 9, 9, 9, 9, 9, 9, 2, 3, 7, 5, 9, 4, 8];
  const rows = dues.map((due, index) => row(`t-${String(index).padStart(2, '0')}`, due));
  const tx = harness.db.transaction('records', 'readwrite');
  await Promise.all([...rows.map((stored) => tx.store.put(stored)), tx.done]);
  return { ...harness, rows };
};

describe('reading an index in batches', () => {
  it('hands over every row once, in the index order, in batches no larger than asked, also when many rows share a key', async () => {
    const { db } = await seeded();
    const whole = (await db.getAllFromIndex('records', 'due')).map((stored) => stored.id);
    const batches: string[][] = [];
    await forEachIndexBatch(db, 'due', null, 4, (rows) => { batches.push(rows.map((stored) => stored.id)); });
    expect(batches.flat()).toEqual(whole);
    expect(Math.max(...batches.map((batch) => batch.length))).toBe(4);
    expect(batches).toHaveLength(Math.ceil(whole.length / 4));
  });

  it('keeps to the range it is given, and reads nothing past it', async () => {
    const { db } = await seeded();
    const seen: number[] = [];
    await forEachIndexBatch(db, 'due', IDBKeyRange.bound(3, 8), 2, (rows) => { seen.push(...rows.map((stored) => stored.dueKey ?? -1)); });
    expect(seen).toEqual([3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 7, 8]);
  });

  it('goes on after a row of the last batch went meanwhile, without skipping or repeating one', async () => {
    const { db } = await seeded();
    const whole = (await db.getAllFromIndex('records', 'due')).map((stored) => stored.id);
    const seen: string[] = [];
    let removed: string | null = null;
    await forEachIndexBatch(db, 'due', null, 5, async (rows) => {
      seen.push(...rows.map((stored) => stored.id));
      if (removed === null) {
        removed = rows[rows.length - 1]?.id ?? null;
        if (removed) await db.delete('records', removed);
      }
    });
    expect(seen).toEqual(whole);
  });
});
