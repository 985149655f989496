import { describe, expect, it } from 'vitest';
import type { LocketDatabase } from '../../../core/db/schema';
import { readSnapshot, SNAPSHOT_CHUNK_ROWS, takeSnapshot } from '../../../core/snapshots/snapshots';
import { createHarness, person } from '../store/harness';

/**
 * A snapshot reads the next page of records while the chunk before it is written (the two
 * transactions share no store), so reading and writing overlap; it still copies every row once.
 */
const watched = (db: LocketDatabase, events: string[]): LocketDatabase => {
  let reads = 0;
  let chunks = 0;
  return new Proxy(db, {
    get: (target, name) => {
      if (name === 'getAll') {
        return (...args: Parameters<LocketDatabase['getAll']>) => {
          reads += 1;
          events.push(`read ${reads}`);
          return target.getAll(...args);
        };
      }
      if (name === 'transaction') {
        return (...args: Parameters<LocketDatabase['transaction']>) => {
          const tx = target.transaction(...args);
          if (Array.from(args[0]).includes('snapshotChunks') && args[1] === 'readwrite') {
            void tx.done.then(() => { chunks += 1; events.push(`chunk ${chunks} written`); }, () => undefined);
          }
          return tx;
        };
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

describe('taking a snapshot', () => {
  it('reads the next page while the chunk before it is written, and copies every row once', async () => {
    const { store, db, clock, deps } = await createHarness();
    await store.insertMany('person', Array.from({ length: SNAPSHOT_CHUNK_ROWS * 2 + 3 }, (_, i) => person(`P${i}`, 'Snap')));
    const events: string[] = [];

    const info = await takeSnapshot(watched(db, events), { clock, newId: deps.newId, reason: 'manual' });

    // Chunk 1 holds the settings; the first page of records goes into chunk 2.
    expect(events.indexOf('read 2')).toBeLessThan(events.indexOf('chunk 2 written'));
    expect(info).toMatchObject({ records: SNAPSHOT_CHUNK_ROWS * 2 + 3, complete: true });
    const copied = await readSnapshot(db, info.id);
    if (!copied.ok) throw new Error('the snapshot does not read back');
    expect(new Set(copied.value.rows.map((row) => row.id)).size).toBe(SNAPSHOT_CHUNK_ROWS * 2 + 3);
  });
});
