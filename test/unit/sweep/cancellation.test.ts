import { describe, expect, it } from 'vitest';
import { markCancelled } from '../../../core/account/cancellation';
import { plainCodec } from '../../../core/codec';
import { searchIndexDbName } from '../../../core/db/db-name';
import { openLocketDb } from '../../../core/db/schema';
import { createSearchIndex } from '../../../worker/search-index';
import { createFilterColumns } from '../../../worker/filters/filter-columns';
import { createSearchIndexShelf } from '../../../worker/search-shelf';
import { saved } from '../store/harness';
import { createSweepHarness, sweptOk } from './harness';

describe('a sweep deletes a cancelled account after 14 days', () => {
  it('keeps everything through day 14 and deletes the whole database at day 15', async () => {
    const h = await createSweepHarness();
    const ada = saved(await h.store.create('person', { firstName: 'Ada', lastName: 'Okafor' }));
    await markCancelled(h.db, h.clock.now());

    // A sweep a day, as a device in use runs them: day 14 is the first to see the window closed.
    for (let day = 1; day <= 14; day++) {
      h.atDay(day);
      expect(sweptOk(await h.sweep({ key: false, trigger: 'alarm' })).accountDeleted).toBe(false);
    }
    expect(await h.db.get('records', ada.id)).toBeDefined();
    expect(await h.db.count('vault')).toBe(1);

    h.atDay(15);
    const deleted = sweptOk(await h.sweep({ key: false, trigger: 'alarm' }));
    expect(deleted.accountDeleted).toBe(true);
    // Every open connection (the store's, this test's) closed itself so the deletion could go ahead.
    const reopened = await openLocketDb(h.factory, h.name);
    expect(await reopened.count('vault')).toBe(0);
    expect(await reopened.count('records')).toBe(0);
    expect(await reopened.count('meta')).toBe(0);
    reopened.close();
  });
});

describe('deleting a cancelled account', () => {
  it('deletes its saved search index too, even while a connection to it is open', async () => {
    const h = await createSweepHarness();
    const shelf = createSearchIndexShelf(h.factory, searchIndexDbName(h.name), plainCodec);
    await shelf.save({ position: { newest: null, sets: 0 }, unlogged: null, index: createSearchIndex().toJSON(), columns: createFilterColumns().toJSON() });
    expect(await shelf.load()).not.toBeNull();
    await markCancelled(h.db, h.clock.now());
    h.atDay(15);
    await h.sweep({ key: false, trigger: 'alarm' });
    h.atDay(16);
    expect(sweptOk(await h.sweep({ key: false, trigger: 'alarm' })).accountDeleted).toBe(true);

    const databases = (await h.factory.databases()).map((database) => database.name);
    expect(databases).not.toContain(searchIndexDbName(h.name));
  });
});
