import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ValueCodec } from '../../../core/codec';
import type { RecordReads } from '../../../core/record-store/contract';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { markUnloggedChange } from '../../../core/db/unlogged-mark';
import { writeTransaction } from '../../../core/db/transaction';
import { createSearchLog } from '../../../worker/search-log';
import { createSearchService, type SearchService } from '../../../worker/search-service';
import { createSearchIndexShelf, type SearchIndexShelf } from '../../../worker/search-shelf';
import { createTestAccount, saved, titles, type TestAccount } from './harness';

const WAIT = { timeout: 2000, interval: 20 };
const keyOf = (fill: number): Uint8Array<ArrayBuffer> => new Uint8Array(32).fill(fill);

let account: TestAccount;
const services: SearchService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.close();
  account.closeAll();
});

/** A shelf of its own per test, sealed with `codec`. */
const shelfName = (): string => `locket-search-test-${randomUUID()}`;

/** What reading every record costs the service: counted, so a load that skips it shows. */
interface Counted { fullReads: number }

/** A search service as the shared worker starts one, on a store of its own over the account. */
const start = async (shelfAt: string, codec: ValueCodec, counted: Counted = { fullReads: 0 }, saveDelayMs = 10) => {
  const { store, bus, deps } = await account.open();
  const records: Pick<RecordReads, 'forEachBatch' | 'getMany' | 'linkedTo'> = {
    linkedTo: (id) => store.linkedTo(id),
    getMany: (ids) => store.getMany(ids),
    forEachBatch: (size, visit) => { counted.fullReads += 1; return store.forEachBatch(size, visit); },
  };
  const shelf: SearchIndexShelf = createSearchIndexShelf(indexedDB, shelfAt, codec);
  const service = createSearchService({ records, bus, saved: { shelf, log: createSearchLog(deps.db) }, saveDelayMs });
  services.push(service);
  return { service, shelf };
};

const searchTitles = async (service: SearchService, query: string): Promise<string[]> => titles(await service.search(query));

/** Waits until the shelf holds an index. */
const savedOn = async (shelf: SearchIndexShelf) => vi.waitFor(async () => expect(await shelf.load()).not.toBeNull(), WAIT);

/** A first start that builds, saves its index on the shelf at `at`, and closes. */
const savedByFirstStart = async (at: string, codec: ValueCodec): Promise<void> => {
  const first = await start(at, codec);
  await first.service.whenIndexed();
  await savedOn(first.shelf);
  first.service.close();
};

describe('search service', () => {
  it('saves its index sealed, and the next start loads it instead of reading every record', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee', emails: ['annabel@example.com'] }));
    saved(await page.create('organisation', { name: 'Acme Ltd', tags: ['supplier'] }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));

    const first = await start(at, codec);
    expect(await first.service.whenIndexed()).toMatchObject({ origin: 'built', indexed: 2 });
    await savedOn(first.shelf);
    first.service.close();

    const counted = { fullReads: 0 };
    const second = await start(at, codec, counted);
    expect(await second.service.whenIndexed()).toMatchObject({ state: 'ready', origin: 'saved', indexed: 2 });
    expect(counted.fullReads).toBe(0);
    expect(await searchTitles(second.service, 'ann')).toEqual(['Annabel Lee']);
    expect(await searchTitles(second.service, 'supplier')).toEqual(['Acme Ltd']);
  });

  /** A service over `at` whose steps (opening the saved copy, asking for every live id) are written down in order. */
  const startCounting = async (at: string, codec: ValueCodec, steps: string[]) => {
    const opening: ValueCodec = { ...codec, decode: (encoded, aad) => { steps.push('open the saved copy'); return codec.decode(encoded, aad); } };
    const { store, bus, deps } = await account.open();
    const log = createSearchLog(deps.db);
    const service = createSearchService({
      records: store, bus, saveDelayMs: 10,
      saved: { shelf: createSearchIndexShelf(indexedDB, at, opening), log: { ...log, liveIds: () => { steps.push('ask for the live ids'); return log.liveIds(); } } },
    });
    services.push(service);
    return service;
  };

  it('loads its saved index without reading every live id when nothing left the store unlogged since it was saved', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    const annabel = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    const bob = saved(await page.create('person', { firstName: 'Bob', lastName: 'Trashed' }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));
    await savedByFirstStart(at, codec);
    saved(await page.update(annabel.id, 'person', { firstName: 'Mabel' }));
    saved(await page.create('person', { firstName: 'Dora', lastName: 'New' }));
    await page.remove(bob.id);

    const steps: string[] = [];
    const service = await startCounting(at, codec, steps);
    expect(await service.whenIndexed()).toMatchObject({ origin: 'saved', indexed: 2 });
    expect(steps).toEqual(['open the saved copy']);
    expect(await searchTitles(service, 'mabel')).toEqual(['Mabel Lee']);
    expect(await searchTitles(service, 'dora')).toEqual(['Dora New']);
    expect(await service.search('bob')).toEqual([]);
  });

  it('reads every live id when a record left the store unlogged since the save, asked once the saved copy is read', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    const erased = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Erased' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Kept' }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));
    await savedByFirstStart(at, codec);
    await page.erase(erased.id, { suppressEmails: false });

    const steps: string[] = [];
    const service = await startCounting(at, codec, steps);
    expect(await service.whenIndexed()).toMatchObject({ origin: 'saved', indexed: 1 });
    expect(steps).toEqual(['ask for the live ids', 'open the saved copy']);
    expect(await searchTitles(service, 'ann')).toEqual(['Anna Kept']);
  });

  it('checks every live id before it saves once a record left the store unlogged, even when no one announced it', async () => {
    account = createTestAccount();
    const { store: page, deps } = await account.open();
    const lost = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Unannounced' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Kept' }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));
    const first = await start(at, codec);
    await first.service.whenIndexed();
    await savedOn(first.shelf);
    // A purge whose context closed before it could announce it: only the mark tells.
    await writeTransaction(deps.db, ['records', 'meta'], (tx) => Promise.all([tx.objectStore('records').delete(lost.id), markUnloggedChange(tx.objectStore('meta'))]));
    saved(await page.create('person', { firstName: 'Dora', lastName: 'New' }));
    await vi.waitFor(async () => expect(JSON.stringify(await first.shelf.load())).toContain('Dora'), WAIT);
    expect(JSON.stringify(await first.shelf.load())).not.toContain('Unannounced');
    first.service.close();

    const steps: string[] = [];
    const second = await startCounting(at, codec, steps);
    expect(await second.whenIndexed()).toMatchObject({ origin: 'saved', indexed: 2 });
    expect(steps).toEqual(['open the saved copy']);
    expect((await searchTitles(second, 'ann')).sort()).toEqual(['Anna Kept']);
  });

  it('catches up with what changed while it was not running: created, renamed, trashed, purged', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    const renamed = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    const trashed = saved(await page.create('person', { firstName: 'Bob', lastName: 'Trashed' }));
    const purged = saved(await page.create('person', { firstName: 'Cyril', lastName: 'Purged' }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));
    await savedByFirstStart(at, codec);

    saved(await page.update(renamed.id, 'person', { firstName: 'Mabel' }));
    saved(await page.create('person', { firstName: 'Dora', lastName: 'New' }));
    await page.remove(trashed.id);
    await page.remove(purged.id);
    await page.deleteForever([purged.id]);

    const counted = { fullReads: 0 };
    const second = await start(at, codec, counted);
    expect(await second.service.whenIndexed()).toMatchObject({ origin: 'saved', indexed: 2 });
    expect(counted.fullReads).toBe(0);
    expect(await searchTitles(second.service, 'mabel')).toEqual(['Mabel Lee']);
    expect(await second.service.search('annabel')).toEqual([]);
    expect(await searchTitles(second.service, 'dora')).toEqual(['Dora New']);
    expect(await second.service.search('bob')).toEqual([]);
    expect(await second.service.search('cyril')).toEqual([]);
  });

  it('rebuilds when the saved index was sealed with another key, and answers by scanning meanwhile', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Smith' }));
    const at = shelfName();
    await savedByFirstStart(at, createAesGcmCodec(keyOf(7)));

    const counted = { fullReads: 0 };
    const second = await start(at, createAesGcmCodec(keyOf(8)), counted);
    // Asked before the build is done: answered by a scan, with the index's answers.
    expect((await searchTitles(second.service, 'ann')).sort()).toEqual(['Anna Smith', 'Annabel Lee']);
    expect(await second.service.whenIndexed()).toMatchObject({ origin: 'built', indexed: 2 });
    expect(counted.fullReads).toBeGreaterThanOrEqual(1);
    expect(await searchTitles(second.service, 'annabel')).toEqual(['Annabel Lee']);
  });

  it('forgets the saved index as soon as records are purged, and saves it again without them', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    const doomed = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Gone' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Kept' }));
    const at = shelfName();
    const codec = createAesGcmCodec(keyOf(7));
    // Saves come a second after changes: the purge must not wait for one.
    const { service, shelf } = await start(at, codec, { fullReads: 0 }, 1000);
    await service.whenIndexed();
    await savedOn(shelf);

    await page.remove(doomed.id);
    await page.deleteForever([doomed.id]);
    await vi.waitFor(async () => expect(await shelf.load()).toBeNull(), { timeout: 800, interval: 10 });
    expect(await searchTitles(service, 'ann')).toEqual(['Anna Kept']);
    await vi.waitFor(async () => {
      const again = await shelf.load();
      expect(again?.index.hits.filter((hit) => hit !== null).map((hit) => hit?.title)).toEqual(['Anna Kept']);
    }, WAIT);
    expect(JSON.stringify(await shelf.load())).not.toContain('Gone');
  });

  it('forgets the saved index as soon as a person is erased', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    const erased = saved(await page.create('person', { firstName: 'Annabel', lastName: 'Erased' }));
    saved(await page.create('person', { firstName: 'Anna', lastName: 'Kept' }));
    const { service, shelf } = await start(shelfName(), createAesGcmCodec(keyOf(7)), { fullReads: 0 }, 1000);
    await service.whenIndexed();
    await savedOn(shelf);

    await page.erase(erased.id, { suppressEmails: false });
    await vi.waitFor(async () => expect(await shelf.load()).toBeNull(), { timeout: 800, interval: 10 });
    expect(await searchTitles(service, 'ann')).toEqual(['Anna Kept']);
  });
  it('keeps its filter columns current from the change log, even when a write’s announcement has not come', async () => {
    account = createTestAccount();
    const page = (await account.open()).store;
    saved(await page.create('person', { firstName: 'Annabel', lastName: 'Lee', tags: ['customer'] }));
    const { store, deps } = await account.open();
    // A bus that never delivers: only the catch-up from the log can bring the page's write in.
    const service = createSearchService({
      records: store, bus: { subscribe: () => () => undefined },
      saved: { shelf: createSearchIndexShelf(indexedDB, shelfName(), createAesGcmCodec(keyOf(7))), log: createSearchLog(deps.db) },
    });
    services.push(service);
    await service.whenIndexed();
    const tagged = async () => [...(await service.currentColumns())?.ofKind('person') ?? []]
      .filter((record) => record.kind === 'person' && record.fields.tags.includes('customer')).map((record) => record.id);
    expect(await tagged()).toHaveLength(1);
    const added = saved(await page.create('person', { firstName: 'Bea', tags: ['customer'] }));
    expect(await tagged()).toContain(added.id);
    await page.remove(added.id);
    expect(await tagged()).not.toContain(added.id);
  });
});
