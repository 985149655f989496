import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createAuditLog } from '../../../core/audit/audit-log';
import type { ValueCodec } from '../../../core/codec';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createStore } from '../../../core/store/store';
import { isWriteConflict, retriedWrite, settled, STALE, writeTransaction } from '../../../core/db/transaction';
import { createHarness, person, saved, TEST_AUDIT_KEYS, type Harness } from '../store/harness';

const COUNTER = 'test-counter';
const LAST_ATTEMPT = 'test-last-attempt';
const readCounter = async (db: LocketDatabase): Promise<number> => v.parse(v.optional(v.number(), 0), await db.get('meta', COUNTER));

/** Adds one to the counter the optimistic way; `meanwhile` runs between the read and the write, as another context would. */
const increment = (db: LocketDatabase, meanwhile: (attempt: number) => Promise<void>, attempts?: number) => {
  let attempt = 0;
  return retriedWrite(db, {
    subject: { type: 'settings' }, stores: ['meta'], attempts,
    prepare: async () => {
      const read = await readCounter(db);
      await meanwhile(++attempt);
      return { read, attempt };
    },
    write: async (tx, { read, attempt: at }) => {
      const meta = tx.objectStore('meta');
      // Issued before the check on purpose: a stale attempt must take it back.
      await meta.put(at, LAST_ATTEMPT);
      if (v.parse(v.optional(v.number(), 0), await meta.get(COUNTER)) !== read) return STALE;
      await meta.put(read + 1, COUNTER);
      return read + 1;
    },
  });
};

const bumpElsewhere = async (other: LocketDatabase): Promise<void> => {
  const now = await readCounter(other);
  const tx = other.transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(now + 1, COUNTER), tx.done]);
};

const twoContexts = async (): Promise<Harness & { readonly other: LocketDatabase }> => {
  const harness = await createHarness();
  return { ...harness, other: await openLocketDb(harness.factory, 'locket-test') };
};

const elsewhere = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('writeTransaction awaits nothing but IndexedDB', () => {
  it('refuses loudly a write whose work awaited other work, instead of reporting it written', async () => {
    const { db } = await createHarness();
    const written = writeTransaction(db, ['meta'], async (tx) => {
      await tx.objectStore('meta').put(1, COUNTER);
      // Stands for hashing or encoding done inside the transaction: IndexedDB commits meanwhile.
      await elsewhere(20);
    });
    await expect(written).rejects.toMatchObject({ name: 'TransactionCommittedEarly' });
  });

  it('refuses a write that goes on writing after awaiting other work', async () => {
    const { db } = await createHarness();
    const written = writeTransaction(db, ['meta'], async (tx) => {
      await tx.objectStore('meta').put(1, COUNTER);
      await elsewhere(20);
      await tx.objectStore('meta').put(2, COUNTER);
    });
    await expect(written).rejects.toMatchObject({ name: 'TransactionCommittedEarly' });
    expect(await readCounter(db)).not.toBe(2);
  });

  it('commits work that awaits only its own requests', async () => {
    const { db } = await createHarness();
    await writeTransaction(db, ['meta'], async (tx) => {
      const meta = tx.objectStore('meta');
      await meta.put(1, COUNTER);
      await meta.put(v.parse(v.number(), await meta.get(COUNTER)) + 1, COUNTER);
    });
    expect(await readCounter(db)).toBe(2);
  });
});

describe('retriedWrite, the one optimistic write', () => {
  it('reads again and writes on the new value when another context changed it between read and write', async () => {
    const { db, other } = await twoContexts();
    const written = await increment(db, async (attempt) => { if (attempt === 1) await bumpElsewhere(other); });
    expect(written.value).toBe(2);
    expect(await readCounter(db)).toBe(2);
    expect(await db.get('meta', LAST_ATTEMPT)).toBe(2);
  });

  it('gives up after the attempts with a typed error, having written nothing of its own', async () => {
    const { db, other } = await twoContexts();
    const failure = await increment(db, () => bumpElsewhere(other), 4).catch((error: unknown) => error);
    expect(isWriteConflict(failure)).toBe(true);
    expect(failure).toMatchObject({ type: 'write-conflict', subject: { type: 'settings' }, attempts: 4 });
    expect(await readCounter(db)).toBe(4);
    // Each stale attempt's own writes were undone with it.
    expect(await db.get('meta', LAST_ATTEMPT)).toBeUndefined();
  });

  it('opens no transaction when prepare settles', async () => {
    const { db } = await createHarness();
    const written = await retriedWrite(db, {
      subject: { type: 'settings' }, stores: ['meta'], prepare: async () => settled('nothing to do'),
      write: async () => { throw new Error('never reached'); },
    });
    expect(written).toEqual({ value: 'nothing to do', receipt: null });
  });

  it('commits the receipt with the write, chained after an entry another context appended meanwhile', async () => {
    const { db, other, clock } = await twoContexts();
    const audit = createAuditLog({ db, clock, keys: async () => TEST_AUDIT_KEYS });
    let attempt = 0;
    const written = await retriedWrite(db, {
      subject: { type: 'settings' }, stores: ['meta'],
      prepare: async () => ++attempt,
      write: async (tx, at) => { await tx.objectStore('meta').put(at, COUNTER); return at; },
      receipt: async () => {
        const staged = await audit.stage({ type: 'settings-changed', by: 'owner', subjects: [], detail: { fields: 'counter' } });
        if (attempt === 1) await createAuditLog({ db: other, clock, keys: async () => TEST_AUDIT_KEYS }).append({ type: 'export-taken', by: 'owner', subjects: [], detail: {} });
        return staged;
      },
    });
    expect(written.value).toBe(2);
    expect(written.receipt).toMatchObject({ seq: 2, type: 'settings-changed' });
    expect((await audit.entries()).map((entry) => entry.type)).toEqual(['export-taken', 'settings-changed']);
    expect(await audit.verifyChain()).toEqual({ ok: true, count: 2 });
  });
});

/** A codec that lets `meanwhile` run while the store prepares a write (between its read and its transaction). */
const interfering = (codec: ValueCodec, meanwhile: () => Promise<void>): ValueCodec => ({
  ...codec,
  encode: async (value, aad) => {
    await meanwhile();
    return codec.encode(value, aad);
  },
  encodeMany: async (values, aads) => {
    await meanwhile();
    return codec.encodeMany(values, aads);
  },
});

/** A damaged newest entry: the next entry's place is taken, so no receipt can be added. */
const damageAuditHead = async (store: Harness['store'], db: LocketDatabase): Promise<void> => {
  await store.audit.append({ type: 'export-taken', by: 'owner', subjects: [], detail: {} });
  const last = (await db.getAllKeys('audit')).at(-1);
  await db.put('audit', { seq: last, garbled: true });
};

/** A store whose next write is raced once by `race` from another context, after its read. */
const racedOnce = async (base: Awaited<ReturnType<typeof createHarness>>, race: (other: ReturnType<typeof createStore>) => Promise<void>) => {
  const other = createStore({ ...base.deps, db: await openLocketDb(base.factory, 'locket-test') });
  let raced = false;
  return createStore({
    ...base.deps,
    codec: interfering(base.deps.codec, async () => {
      if (raced) return;
      raced = true;
      await race(other);
    }),
  });
};

describe('store writes racing another context', () => {
  it('an update keeps the other context’s change and adds its own', async () => {
    const base = await createHarness();
    const ada = saved(await base.store.create('person', person('Ada', 'Lovelace')));
    const store = await racedOnce(base, async (other) => { saved(await other.update(ada.id, 'person', { jobTitle: 'Countess' })); });
    saved(await store.update(ada.id, 'person', { phones: ['+44 20 7946 0000'] }));
    expect((await base.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Countess', phones: ['+44 20 7946 0000'] });
  });

  it('an update that never finds the record still gives up with a typed error and leaves the other writes', async () => {
    const base = await createHarness();
    const ada = saved(await base.store.create('person', person('Ada', 'Lovelace')));
    const other = createStore({ ...base.deps, db: await openLocketDb(base.factory, 'locket-test') });
    let round = 0;
    const store = createStore({
      ...base.deps,
      codec: interfering(base.deps.codec, async () => { saved(await other.update(ada.id, 'person', { jobTitle: `Title ${++round}` })); }),
    });
    const failure = await store.update(ada.id, 'person', { phones: ['+44 20 7946 0000'] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: 'write-conflict' });
    expect((await base.store.get(ada.id))?.fields).toMatchObject({ jobTitle: `Title ${round}`, phones: [] });
  });

  it('settings saved from two pages at once keep both pages’ fields', async () => {
    const base = await createHarness();
    const store = await racedOnce(base, async (other) => { saved(await other.saveSettings({ ownerName: 'Olive Owner' })); });
    saved(await store.saveSettings({ defaultCurrency: 'GBP' }));
    expect(await base.store.getSettings()).toMatchObject({ ownerName: 'Olive Owner', defaultCurrency: 'GBP' });
    expect((await base.store.audit.entries()).map((entry) => entry.detail.fields)).toEqual(['ownerName', 'defaultCurrency']);
  });

  it('settings whose receipt cannot be written are not saved either', async () => {
    const { store, db } = await createHarness();
    await damageAuditHead(store, db);
    await expect(store.saveSettings({ ownerName: 'Olive Owner' })).rejects.toThrow();
    expect(await store.getSettings()).toMatchObject({ ownerName: '' });
  });

  it('a purge from the trash whose receipt cannot be written purges nothing', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    await store.remove(ada.id);
    await damageAuditHead(store, db);
    await expect(store.deleteForever([ada.id])).rejects.toThrow();
    await expect(store.emptyTrash()).rejects.toThrow();
    expect(await store.trashCount()).toBe(1);
  });

  it('a deletion whose receipt cannot be written does not happen either', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    await damageAuditHead(store, db);
    await expect(store.remove(ada.id)).rejects.toThrow();
    expect((await store.get(ada.id))?.deletedAt).toBeNull();
  });

  it('a restore from the trash whose receipt cannot be written does not happen either', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    await store.remove(ada.id);
    await damageAuditHead(store, db);
    await expect(store.restore(ada.id)).rejects.toThrow();
    expect((await store.get(ada.id))?.deletedAt).not.toBeNull();
  });
});
