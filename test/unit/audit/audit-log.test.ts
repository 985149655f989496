import { describe, expect, it } from 'vitest';
import { idHash } from '../../../core/audit/hash';
import { createHarness, TEST_AUDIT_KEYS } from '../store/harness';

const draft = async (n: number) => ({
  type: 'export-taken' as const, by: 'owner', subjects: [{ kind: 'person' as const, idHash: await idHash(TEST_AUDIT_KEYS, `p-${n}`) }], detail: { rows: n },
});

const withEntries = async (count: number) => {
  const harness = await createHarness();
  for (let n = 1; n <= count; n++) {
    await harness.store.audit.append(await draft(n));
    harness.clock.advance(1000);
  }
  return harness;
};

describe('audit log chain', () => {
  it('verifies an untouched chain and chains each entry to the one before', async () => {
    const { store } = await withEntries(3);
    const entries = await store.audit.entries();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: 3 });
  });

  it('reads a log longer than one page of a thousand entries in full and in order', async () => {
    const { store } = await withEntries(1001);
    const entries = await store.audit.entries();
    expect(entries).toHaveLength(1001);
    expect(entries.at(-1)?.seq).toBe(1001);
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: 1001 });
  });

  it('detects an entry edited in place', async () => {
    const { store, db } = await withEntries(3);
    const [, second] = await store.audit.entries();
    await db.put('audit', { ...second, detail: { rows: 999 } });
    expect(await store.audit.verifyChain()).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects an entry whose stored hash was replaced', async () => {
    const { store, db } = await withEntries(3);
    const [, second] = await store.audit.entries();
    await db.put('audit', { ...second, hash: 'f'.repeat(64) });
    expect(await store.audit.verifyChain()).toMatchObject({ ok: false });
  });

  it('detects a removed entry in the middle and at the end', async () => {
    const middle = await withEntries(3);
    await middle.db.delete('audit', 2);
    expect(await middle.store.audit.verifyChain()).toMatchObject({ ok: false, seq: 2 });

    const tail = await withEntries(3);
    await tail.db.delete('audit', 3);
    expect(await tail.store.audit.verifyChain()).toMatchObject({ ok: false });
  });

  it('keeps a chain whole when two appends race', async () => {
    const { store } = await createHarness();
    await Promise.all([1, 2, 3, 4].map(async (n) => store.audit.append(await draft(n))));
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: 4 });
  });

  it('finds the entries about one record by its id hash', async () => {
    const { store } = await withEntries(3);
    const about = await store.audit.entriesAbout(await idHash(TEST_AUDIT_KEYS, 'p-2'));
    expect(about.map((entry) => entry.detail.rows)).toEqual([2]);
  });
});
