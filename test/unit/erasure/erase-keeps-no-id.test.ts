import { describe, expect, it } from 'vitest';
import type { LocketDatabase } from '../../../core/db/schema';
import { createHarness, person, saved } from '../store/harness';
import { deliver, device } from '../replica/replica-harness';

/** Every key and value of every object store, as text: the test codec keeps sealed values readable, so a kept id shows. */
const everyStore = async (db: LocketDatabase): Promise<string> => {
  const parts = await Promise.all([...db.objectStoreNames].map(async (name) =>
    JSON.stringify([await db.getAllKeys(name), await db.getAll(name)])));
  return parts.join('\n');
};

describe('erasure keeps no plain id on the device', () => {
  it('leaves the erased person and note ids in no object store when no relay is connected', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const note = saved(await store.create('note', { body: 'Secret', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    expect(await everyStore(db)).toContain(ada.id);
    await store.erase(ada.id, { suppressEmails: false });
    const raw = await everyStore(db);
    expect(raw).not.toContain(ada.id);
    expect(raw).not.toContain(note.id);
    expect(await db.count('purged')).toBe(2);
  });

  it('keeps the ids only until the relay acknowledged the erase set when connected, and still erases elsewhere', async () => {
    const a = await device('device-a');
    const b = await device('device-b', a.clock);
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    const note = saved(await a.store.create('note', { body: 'Secret', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    await deliver(a, b);
    await a.store.erase(ada.id, { suppressEmails: false });
    const sealedRows = async () => (await a.db.getAll('outbox')).filter((row) => row.erased !== undefined).length;
    expect(await sealedRows()).toBe(1);

    const { entries } = await deliver(a, b);
    expect(entries.flatMap((entry) => entry.set.items.filter((item) => item.op === 'erase').map((item) => item.recordId)).sort())
      .toEqual([ada.id, note.id].sort());
    expect(await sealedRows()).toBe(0);
    expect(await b.store.get(ada.id)).toBeUndefined();
    expect(await b.store.get(note.id)).toBeUndefined();
    // B's own erasure goes out too and is acknowledged; A, which erased first, drops it by the hashed tombstone.
    expect((await deliver(b, a)).outcome).toEqual({ applied: 0, skipped: 1 });

    for (const replica of [a, b]) {
      const raw = await everyStore(replica.db);
      expect(raw).not.toContain(ada.id);
      expect(raw).not.toContain(note.id);
    }
  });
});
