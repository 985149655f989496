import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { migrations, openLocketDb, type LocketDatabase, type UpgradeTransaction } from '../../../core/db/schema';

const row = (id: string, kind: string, deletedAt: number | null) => ({
  id, kind, createdAt: 1, updatedAt: 1, deletedAt, links: [], body: { codec: 'plain', value: {} },
});

describe('the trashKinds migration', () => {
  it('indexes the trash an older database already holds, with kinds, in the trash index order, and no live row', async () => {
    const factory = new IDBFactory();
    // Version 7 (indexTasksByDue) came before the trashKinds index.
    const before = 7;
    const request = factory.open('old', before);
    request.onupgradeneeded = () => {
      const db = wrap(request.result) as unknown as LocketDatabase;
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      for (let version = 0; version < before; version++) migrations[version]?.(db, tx);
    };
    const old = await wrap(request);
    if (!old) throw new Error('The old database did not open');
    const tx = old.transaction('records', 'readwrite');
    await Promise.all([
      tx.objectStore('records').put(row('b', 'note', 5)),
      tx.objectStore('records').put(row('a', 'person', 5)),
      tx.objectStore('records').put(row('c', 'case', 3)),
      tx.objectStore('records').put(row('d', 'person', null)),
      tx.done,
    ]);
    old.close();

    const db = await openLocketDb(factory, 'old');
    const keys = [];
    let cursor = await db.transaction('records').store.index('trashKinds').openKeyCursor();
    while (cursor) {
      keys.push(cursor.key);
      cursor = await cursor.continue();
    }
    expect(keys).toEqual([[3, 'c', 'case'], [5, 'a', 'person'], [5, 'b', 'note']]);
    expect(await db.getAllKeysFromIndex('records', 'trash')).toEqual(['c', 'a', 'b']);
    db.close();
  });
});
