import { IDBCursor, IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRASH_DAYS, expiredBefore } from '../../../core/retention/windows';
import { createPurger } from '../../../core/purge/purge';
import type { PurgedRecord } from '../../../core/purge/purge-batch';
import { createTrashHarness, days, note, person, saved } from '../trash/trash-harness';

type Read = 'get' | 'getAll' | 'openCursor';
const VALUE_READS: readonly Read[] = ['get', 'getAll', 'openCursor'];

/** Counts every request that loads `records` rows (bodies included), on the store or any of its indexes. */
const countRecordReads = (): { readonly count: () => number } => {
  let reads = 0;
  for (const read of VALUE_READS) {
    const onStore = IDBObjectStore.prototype[read] as (this: IDBObjectStore, ...args: unknown[]) => unknown;
    vi.spyOn(IDBObjectStore.prototype, read).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      if (this.name === 'records') reads++;
      return onStore.apply(this, args);
    } as never);
    const onIndex = IDBIndex.prototype[read] as (this: IDBIndex, ...args: unknown[]) => unknown;
    vi.spyOn(IDBIndex.prototype, read).mockImplementation(function (this: IDBIndex, ...args: unknown[]) {
      if (this.objectStore.name === 'records') reads++;
      return onIndex.apply(this, args);
    } as never);
  }
  return { count: () => reads };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a purge of expired trash with an audit receipt', () => {
  it('names what it purges, by kind, without reading a single record body', async () => {
    const harness = await createTrashHarness();
    const { store, deps, clock } = harness;
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    await store.create('note', note(ada.id, 'Met at the fair'));
    await store.create('note', note(ada.id, 'Likes tea'));
    const kase = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
    await store.remove(ada.id);
    clock.advance(days(1));
    await store.remove(kase.id);
    clock.advance(days(31));
    const named: PurgedRecord[][] = [];
    const reads = countRecordReads();

    const report = await createPurger(deps, async (rows) => {
      named.push([...rows]);
      return null;
    }).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report.purged).toEqual({ person: 1, note: 2, case: 1 });
    // One batch, staged once: the receipt read before the transaction named what it found.
    expect(named.map((rows) => rows.map((row) => row.kind).sort())).toEqual([['case', 'note', 'note', 'person']]);
    expect(reads.count()).toBe(0);
    expect(await store.trashCount()).toBe(0);
  });

  it('names each batch of a purge longer than one batch once, with the kinds of exactly its rows', async () => {
    const harness = await createTrashHarness();
    const { store, deps, clock } = harness;
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const grace = saved(await store.create('person', person('Grace', 'Hopper')));
    const roof = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
    const deal = saved(await store.create('opportunity', { name: 'Annual plan', partyId: grace.id }));
    const fence = saved(await store.create('case', { name: 'Fence', partyId: grace.id }));
    for (const record of [ada, grace, roof, deal, fence]) {
      await store.remove(record.id);
      clock.advance(1000);
    }
    clock.advance(days(31));
    const named: string[][] = [];
    const reads = countRecordReads();

    const report = await createPurger(deps, async (rows) => {
      named.push(rows.map((row) => row.kind));
      return null;
    }).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 2);

    expect(report.purged).toEqual({ person: 2, case: 2, opportunity: 1 });
    // Oldest first, two a batch, each staged once: the read before a batch stops at the batch's size.
    expect(named).toEqual([['person', 'person'], ['case', 'opportunity'], ['case']]);
    expect(reads.count()).toBe(0);
    expect(await store.trashCount()).toBe(0);
  });

  it('names a batch from the change log, without stepping a cursor once per row', async () => {
    const harness = await createTrashHarness();
    const { store, deps, clock } = harness;
    const people = [];
    for (const name of ['Ada', 'Grace', 'Katherine', 'Dorothy']) people.push(saved(await store.create('person', person(name, 'Example'))));
    for (const record of people) await store.remove(record.id);
    clock.advance(days(31));
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');

    const report = await createPurger(deps, async () => null).purgeExpired(expiredBefore(TRASH_DAYS, clock.now()), 1000);

    expect(report.purged).toEqual({ person: 4 });
    expect(steps).not.toHaveBeenCalled();
  });
});
