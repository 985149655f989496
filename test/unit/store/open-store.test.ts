import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { plainCodec } from '../../../core/codec';
import { parseHlc } from '../../../core/hlc';
import { createManualClock } from '../../../core/clock';
import { openStore } from '../../../core/store/open-store';
import { currentSchemaVersion, migrations, openLocketDb } from '../../../core/db/schema';
import { START, createRecordingBus, person, saved } from './harness';

const options = (factory: IDBFactory) => ({
  factory, name: 'locket', codec: plainCodec, clock: createManualClock(START), bus: createRecordingBus(), author: 'owner',
});

/** Wall time and counter only: the node part differs between sessions and must not decide the order. */
const issuedLater = (later: string | undefined, earlier: string | undefined): boolean => {
  const a = parseHlc(later ?? '');
  const b = parseHlc(earlier ?? '');
  if (!a || !b) return false;
  return a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter);
};

describe('opening the database', () => {
  it('creates a fresh database at the current version with every store and index', async () => {
    const db = await openLocketDb(new IDBFactory(), 'fresh');

    expect(db.version).toBe(migrations.length);
    expect(currentSchemaVersion).toBe(migrations.length);
    expect([...db.objectStoreNames].sort()).toEqual([
      'audit', 'changes', 'logins', 'meta', 'outbox', 'purged', 'records', 'settings', 'snapshotChunks', 'snapshots', 'suppressed', 'vault',
    ]);
    const tx = db.transaction(['records', 'changes']);
    expect([...tx.objectStore('records').indexNames].sort()).toEqual(['byLink', 'due', 'list', 'remind', 'trash', 'trashKinds']);
    expect(tx.objectStore('records').index('trashKinds').keyPath).toEqual(['deletedAt', 'id', 'kind']);
    expect(tx.objectStore('records').index('due').keyPath).toBe('dueKey');
    expect(tx.objectStore('records').index('remind').keyPath).toBe('remindKey');
    expect(tx.objectStore('records').index('trash').keyPath).toBe('deletedAt');
    expect(tx.objectStore('records').index('byLink').multiEntry).toBe(true);
    expect([...tx.objectStore('changes').indexNames]).toEqual(['byBatch', 'byRecord', 'byUndo']);
    expect(tx.objectStore('changes').index('byBatch').keyPath).toBe('batchId');
    expect(tx.objectStore('changes').index('byUndo').keyPath).toBe('undoOf');
    expect(tx.objectStore('changes').index('byRecord').keyPath).toBe('recordIds');
    expect(tx.objectStore('changes').index('byRecord').multiEntry).toBe(true);
    db.close();
  });

  it('keeps records, settings and the device id across close and reopen', async () => {
    const factory = new IDBFactory();
    const first = await openStore(options(factory));
    const ada = saved(await first.create('person', person('Ada', 'Lovelace')));
    await first.saveSettings({ ownerName: 'Ada', defaultCurrency: 'CHF' });
    first.close();

    const second = await openStore(options(factory));
    expect(await second.get(ada.id)).toEqual(ada);
    expect(await second.getSettings()).toEqual({ ownerName: 'Ada', ownerEmail: '', defaultCurrency: 'CHF' });
    const edited = saved(await second.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const [created, updated] = await second.changesFor(edited.id);
    expect(updated?.deviceId).toBe(created?.deviceId);
    expect(issuedLater(updated?.hlc, created?.hlc)).toBe(true);
    second.close();
  });

  it('lets two sessions on one database write in the same millisecond, after a restart on the same clock', async () => {
    const factory = new IDBFactory();
    const first = await openStore(options(factory));
    const earlier = saved(await first.create('organisation', { name: 'Before restart' }));
    first.close();

    // Both sessions read the same clock time as the session before them.
    const [panel, worker] = await Promise.all([openStore(options(factory)), openStore(options(factory))]);
    const written = await Promise.all([
      panel.create('organisation', { name: 'From the panel' }),
      worker.create('organisation', { name: 'From the worker' }),
      panel.update(earlier.id, 'organisation', { domain: 'example.com' }),
    ]);

    expect(written.map((result) => result.ok)).toEqual([true, true, true]);
    expect(await panel.count('organisation')).toBe(3);
    const [created, updated] = await panel.changesFor(earlier.id);
    expect(issuedLater(updated?.hlc, created?.hlc)).toBe(true);
    panel.close();
    worker.close();
  });

  it('gives separate databases separate device ids', async () => {
    const stores = await Promise.all([openStore(options(new IDBFactory())), openStore(options(new IDBFactory()))]);
    const deviceIds = [];
    for (const store of stores) {
      const org = saved(await store.create('organisation', { name: 'Acme' }));
      deviceIds.push((await store.changesFor(org.id))[0]?.deviceId);
      store.close();
    }
    expect(deviceIds[0]).toBeTruthy();
    expect(deviceIds[0]).not.toBe(deviceIds[1]);
  });
});
