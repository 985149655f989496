import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { migrations, openLocketDb, type LocketDatabase, type UpgradeTransaction } from '../../../core/db/schema';
import { formatHlc } from '../../../core/hlc';
import { START, person, saved } from '../store/harness';
import { cursorAt, deliver, device } from './replica-harness';

describe('replica outbox', () => {
  it('hands out contiguous clientSeqs, the same ones when asked again, chained by prevSetId', async () => {
    const a = await device('device-a');
    for (const name of ['Ada', 'Bert', 'Cleo']) saved(await a.store.create('person', person(name, 'X')));
    expect(await a.replica.pendingCount()).toBe(3);
    const first = await a.replica.pending(2);
    expect(first.map((entry) => entry.clientSeq)).toEqual([1, 2]);
    expect(first.map((entry) => entry.prevSetId)).toEqual([null, first[0]?.set.setId]);
    expect(await a.replica.pending(2)).toEqual(first);
    await a.replica.acknowledge(2);
    const rest = await a.replica.pending(10);
    expect(rest.map((entry) => [entry.clientSeq, entry.prevSetId])).toEqual([[3, first[1]?.set.setId]]);
    await a.replica.acknowledge(3);
    expect(await a.replica.pendingCount()).toBe(0);
    // Never backwards.
    await a.replica.acknowledge(1);
    expect(await a.replica.pending(10)).toEqual([]);
  });

  it('never pushes a set purged before it was handed out', async () => {
    const a = await device('device-a');
    const ada = saved(await a.store.create('person', person('Ada', 'X')));
    const bert = saved(await a.store.create('person', person('Bert', 'X')));
    await a.store.remove(ada.id);
    await a.store.deleteForever([ada.id]);
    const entries = await a.replica.pending(10);
    expect(entries.map((entry) => entry.clientSeq)).toEqual([1, 2]);
    expect(entries.map((entry) => entry.set.items.map((item) => [item.recordId, item.op]))).toEqual([
      [[bert.id, 'create']], [[ada.id, 'purge']],
    ]);
    expect(JSON.stringify(entries)).not.toContain('"Ada"');
  });

  it('offers sets above what a regressed relay holds again, under their clientSeqs, and restarts the cursor', async () => {
    const a = await device('device-a');
    for (const name of ['Ada', 'Bert', 'Cleo']) saved(await a.store.create('person', person(name, 'X')));
    const sent = await a.replica.pending(10);
    await a.replica.acknowledge(3);
    await a.replica.relayRegressed(1, cursorAt(0));
    expect(await a.replica.cursor()).toEqual(cursorAt(0));
    expect(await a.replica.pending(10)).toEqual(sent.slice(1));
    expect(await a.replica.pendingCount()).toBe(2);
  });

  // Once the data holds a stamp, a later local write must be stamped after it, or it would lose to
  // it on every other device while this one shows it (the convergence model's drift case).
  it('applies a set stamped too far ahead, and a later local write is stamped after it', async () => {
    const clock = createManualClock(START);
    const a = await device('device-a', clock);
    const ahead = formatHlc({ wallMs: START + 5 * 60 * 60 * 1000, counter: 0, nodeId: 'device-z' });
    const outcome = await a.replica.applyRemote([{
      setId: ahead, deviceId: 'device-z', author: 'owner',
      items: [{ recordId: 'rec-1', kind: 'person', op: 'create', body: { changed: ['firstName'], values: { firstName: 'Zed' } } }],
    }], cursorAt(1));
    expect(outcome).toEqual({ applied: 1, skipped: 0 });
    expect((await a.store.get('rec-1'))?.fields).toMatchObject({ firstName: 'Zed' });
    saved(await a.store.create('person', person('Local', 'Y')));
    const [local] = await a.replica.pending(1);
    expect(local!.set.setId > ahead).toBe(true);
  });

  it('leaves the cursor and every record as they were when the apply transaction dies', async () => {
    const clock = createManualClock(START);
    const a = await device('device-a', clock);
    const b = await device('device-b', clock);
    const ada = saved(await a.store.create('person', person('Ada', 'X')));
    await deliver(a, b);
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    const sets = (await a.replica.pending(10)).map((entry) => entry.set);
    const before = { records: await b.db.getAll('records'), changes: await b.db.getAllKeys('changes'), cursor: await b.replica.cursor() };
    const dying = killedAtCursorWrite(b.db);
    const { openReplica } = await import('../../../core/replica/open-replica');
    const { createHlc } = await import('../../../core/hlc');
    const replica = openReplica({ ...b.deps, db: dying, hlc: createHlc({ clock, nodeId: 'device-b' }) });
    await expect(replica.applyRemote(sets, cursorAt(5))).rejects.toThrow();
    expect({ records: await b.db.getAll('records'), changes: await b.db.getAllKeys('changes'), cursor: await b.replica.cursor() }).toEqual(before);
    // Nothing was half applied: applying again now works in full.
    expect(await b.replica.applyRemote(sets, cursorAt(5))).toEqual({ applied: 1, skipped: 0 });
    expect((await b.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Analyst' });
  });
});

/** The database, except that a write transaction dies (as a killed browser would) when it writes the sync cursor. */
const killedAtCursorWrite = (db: LocketDatabase): LocketDatabase => new Proxy(db, {
  get: (target, key) => {
    if (key !== 'transaction') return Reflect.get(target, key, target) as unknown;
    return (stores: never, mode?: IDBTransactionMode) => {
      const tx = target.transaction(stores, mode);
      if (mode !== 'readwrite') return tx;
      return new Proxy(tx, {
        get: (inner, name) => {
          if (name !== 'objectStore') return Reflect.get(inner, name, inner) as unknown;
          return (store: 'meta') => {
            const real = (inner as unknown as { objectStore: (name: string) => object }).objectStore(store);
            if (store !== 'meta') return real;
            return new Proxy(real, {
              get: (metaStore, method) => (method === 'put'
                ? () => { inner.abort(); return Promise.reject(new Error('killed')); }
                : Reflect.get(metaStore, method, metaStore) as unknown),
            });
          };
        },
      });
    };
  },
});

describe('sync migration', () => {
  it('queues a pre-sync database’s whole history in HLC order and derives its field clocks from the log', async () => {
    const factory = new IDBFactory();
    // Versions 1–5 came before the sync stores (core/db/schema.ts: createSyncStores is migration 6).
    const beforeSync = 5;
    const request = factory.open('old', beforeSync);
    request.onupgradeneeded = () => {
      const db = wrap(request.result) as unknown as LocketDatabase;
      const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
      for (let version = 0; version < beforeSync; version++) migrations[version]?.(db, tx);
    };
    const old = await wrap(request);
    if (!old) throw new Error('The old database did not open');
    const stamp = (wallMs: number) => formatHlc({ wallMs, counter: 0, nodeId: 'device-a' });
    const tx = old.transaction(['records', 'changes'], 'readwrite');
    await tx.objectStore('records').put({
      id: 'p1', kind: 'person', createdAt: START, updatedAt: START + 2, deletedAt: null, links: [], listKey: ['person', START + 2],
      body: { codec: 'plain', value: { firstName: 'Ada' } },
    });
    const set = (hlc: string, op: string, changed: string[]) => ({
      hlc, deviceId: 'device-a', author: 'owner', changes: [{ recordId: 'p1', kind: 'person', op, changed }],
      values: { codec: 'plain', value: [{}] }, recordIds: ['p1'],
    });
    // Written out of order: the queue follows the HLC order, not the insertion order.
    await tx.objectStore('changes').put(set(stamp(START + 2), 'update', ['jobTitle']));
    await tx.objectStore('changes').put(set(stamp(START), 'create', ['firstName', 'jobTitle']));
    await tx.objectStore('changes').put(set(stamp(START + 1), 'delete', ['deletedAt']));
    await tx.done;
    old.close();

    const db = await openLocketDb(factory, 'old');
    expect((await db.getAll('outbox')).map((row) => row.setId)).toEqual([stamp(START), stamp(START + 1), stamp(START + 2)]);
    expect((await db.get('records', 'p1'))?.fieldClocks).toEqual({
      firstName: stamp(START), jobTitle: stamp(START + 2), deletedAt: stamp(START + 1),
    });
    expect(await db.count('purged')).toBe(0);
    db.close();
  });
});
