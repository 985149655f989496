import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocketStore } from '../../../core/store/contract';
import { coreWorkerContract, type CoreWorkerApi } from '../../../worker/contract';
import { validated } from '../../../worker/host';
import { createWorkerApi } from '../../../worker/worker-api';
import { createTestAccount, saved, titles, type TestAccount } from './harness';

const WAIT = { timeout: 2000, interval: 20 };

let account: TestAccount;
afterEach(() => account.closeAll());

/** A worker API on its own store, plus a second store on the same database playing a page. */
const start = async (wrapStore: (store: LocketStore) => LocketStore = (store) => store) => {
  const page = await account.open();
  const worker = await account.open();
  const api = validated(coreWorkerContract, createWorkerApi({ store: wrapStore(worker.store), bus: worker.bus }));
  return { page: page.store, api };
};

const searchTitles = async (api: CoreWorkerApi, query: string): Promise<string[]> => titles(await api.search(query));

describe('worker api', () => {
  it('indexes the records that exist when it starts, and says when it is ready', async () => {
    account = createTestAccount();
    const seed = (await account.open()).store;
    const annabel = saved(await seed.create('person', { firstName: 'Annabel', lastName: 'Lee', emails: ['annabel@example.com'] }));
    saved(await seed.create('organisation', { name: 'Acme Ltd', domain: 'acme.com', tags: ['supplier'] }));
    const gone = saved(await seed.create('person', { firstName: 'Annika', lastName: 'Gone' }));
    await seed.remove(gone.id);
    saved(await seed.create('note', { body: 'Annual review', recordId: annabel.id }));

    const { api } = await start();
    const status = await api.whenIndexed();

    expect(status).toMatchObject({ state: 'ready', indexed: 2 });
    expect(status.buildMs).toBeGreaterThanOrEqual(0);
    expect(await api.indexStatus()).toEqual(status);
    expect(await api.search('ann')).toEqual([{ id: annabel.id, kind: 'person', title: 'Annabel Lee', subtitle: 'annabel@example.com' }]);
    expect(await searchTitles(api, 'supplier')).toEqual(['Acme Ltd']);
  });

  it('finds a record another page creates after the index was built, and its new name after an edit', async () => {
    account = createTestAccount();
    const { page, api } = await start();
    await api.whenIndexed();

    const created = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    await vi.waitFor(async () => expect(await searchTitles(api, 'annabel')).toEqual(['Annabel Lee']), WAIT);

    saved(await page.update(created.id, 'person', { firstName: 'Mabel' }));
    await vi.waitFor(async () => expect(await searchTitles(api, 'mabel')).toEqual(['Mabel Lee']), WAIT);
    expect(await api.search('annabel')).toEqual([]);
  });

  it('drops a record from the results once it is deleted', async () => {
    account = createTestAccount();
    const { page, api } = await start();
    const doomed = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Smith' }));
    await api.whenIndexed();
    await vi.waitFor(async () => expect(await searchTitles(api, 'ann')).toHaveLength(2), WAIT);

    await page.remove(doomed.id);
    await vi.waitFor(async () => expect(await searchTitles(api, 'ann')).toEqual(['Anna Smith']), WAIT);
    expect(await api.indexStatus()).toMatchObject({ indexed: 1 });
  });

  it('filters by kind, matches prefixes and needs every query word', async () => {
    account = createTestAccount();
    const { page, api } = await start();
    saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee', tags: ['vip'] }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Smith', emails: ['anna.smith@example.com'] }));
    saved(await page.create('person', { firstName: 'Bob', lastName: 'Smith', tags: ['vip'] }));
    saved(await page.create('organisation', { name: 'Annex Holdings' }));
    saved(await page.create('case', { name: 'Annual audit' }));
    await api.whenIndexed();
    await vi.waitFor(async () => expect(await api.indexStatus()).toMatchObject({ indexed: 5 }), WAIT);

    expect((await searchTitles(api, 'ann')).sort()).toEqual(['Anna Smith', 'Annabel Lee', 'Annex Holdings', 'Annual audit']);
    expect(await searchTitles(api, 'anna smith')).toEqual(['Anna Smith']);
    expect(titles(await api.search('ann', { kinds: ['organisation', 'case'] })).sort()).toEqual(['Annex Holdings', 'Annual audit']);
    expect(await searchTitles(api, '@example.com')).toEqual(['Anna Smith']);
    expect((await searchTitles(api, 'vip')).sort()).toEqual(['Annabel Lee', 'Bob Smith']);
    expect(await api.search('ann', { limit: 1 })).toHaveLength(1);
  });

  it('does not lose a change made while the initial build is running', async () => {
    account = createTestAccount();
    const seed = (await account.open()).store;
    const renamed = saved(await seed.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    const trashed = saved(await seed.create('person', { firstName: 'Bob', lastName: 'Gone' }));

    // After the first batch has been read, and before the build finishes, another page
    // renames one record, trashes another and creates a third.
    let changedDuringBuild = false;
    const duringBuild = async () => {
      if (changedDuringBuild) return;
      saved(await seed.update(renamed.id, 'person', { firstName: 'Mabel' }));
      await seed.remove(trashed.id);
      saved(await seed.create('person', { firstName: 'Carla', lastName: 'New' }));
      // Let the announcements cross the channel while the build is still running.
      await new Promise((resolve) => setTimeout(resolve, 50));
      changedDuringBuild = true;
    };
    const { api } = await start((store) => ({
      ...store,
      forEachBatch: (size, visit) => store.forEachBatch(size, async (records) => {
        await visit(records);
        await duringBuild();
      }),
    }));

    await api.whenIndexed();
    expect(changedDuringBuild).toBe(true);
    expect(await searchTitles(api, 'mabel')).toEqual(['Mabel Lee']);
    expect(await api.search('annabel')).toEqual([]);
    expect(await api.search('bob')).toEqual([]);
    expect(await searchTitles(api, 'carla')).toEqual(['Carla New']);
  });

  it('inserts many records through the store, reporting the invalid rows, and indexes the rest', async () => {
    account = createTestAccount();
    const { api } = await start();
    await api.whenIndexed();

    const report = await api.insertMany('person', [
      { firstName: 'Annabel', lastName: 'Lee' },
      { firstName: '', lastName: '' },
      { firstName: 'Anna', lastName: 'Smith' },
      'not a person',
    ]);

    expect(report.inserted).toBe(2);
    expect(report.invalid.map((row) => row.index)).toEqual([1, 3]);
    await vi.waitFor(async () => expect((await searchTitles(api, 'ann')).sort()).toEqual(['Anna Smith', 'Annabel Lee']), WAIT);
  });

  it('refuses malformed arguments from the other side of the channel', async () => {
    account = createTestAccount();
    const { api } = await start();
    // What a page could send if it ignored the types.
    const send = (method: (...args: never[]) => unknown, ...args: unknown[]): unknown => Reflect.apply(method, api, args);

    await expect(send(api.search, 42)).rejects.toThrow();
    await expect(send(api.search, 'ann', { limit: -1 })).rejects.toThrow();
    await expect(send(api.search, 'ann', { kinds: ['planet'] })).rejects.toThrow();
    await expect(send(api.insertMany, 'planet', [])).rejects.toThrow();
    await expect(send(api.insertMany, 'person', 'not a list')).rejects.toThrow();
  });
});

describe('worker api and purges', () => {
  it('drops purged ids from the index without reading them back', async () => {
    account = createTestAccount();
    const reads: string[][] = [];
    const { page, api } = await start((store) => ({
      ...store,
      getMany: (ids) => { reads.push([...ids]); return store.getMany(ids); },
    }));
    await api.whenIndexed();
    const gone = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Gone' }));
    await vi.waitFor(async () => expect(await searchTitles(api, 'annabel')).toEqual(['Annabel Gone']), WAIT);
    reads.length = 0;

    const other = await account.open();
    other.bus.publish({ ids: [gone.id], kinds: [], settings: false, purged: true });

    await vi.waitFor(async () => expect(await searchTitles(api, 'annabel')).toEqual([]), WAIT);
    expect(reads.flat()).not.toContain(gone.id);
  });
});
