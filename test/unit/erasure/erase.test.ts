import { describe, expect, it } from 'vitest';
import { idHash } from '../../../core/audit/hash';
import type { LocketDatabase } from '../../../core/db/schema';
import { readSnapshot, takeSnapshot } from '../../../core/snapshots/snapshots';
import { createHarness, person, saved, TEST_AUDIT_KEYS } from '../store/harness';

const STORES = ['records', 'changes', 'settings', 'meta', 'vault', 'logins', 'audit', 'suppressed'] as const;
const SNAPSHOT_STORES = ['snapshots', 'snapshotChunks'] as const;

/** Every value of the object stores as text: the plain codec keeps values readable, so a leak shows. */
const everything = async (db: LocketDatabase, stores: readonly (typeof STORES[number] | typeof SNAPSHOT_STORES[number])[] = STORES): Promise<string> => {
  const parts = await Promise.all(stores.map(async (name) => JSON.stringify(await db.getAll(name))));
  return parts.join('\n');
};

const seed = async () => {
  const harness = await createHarness();
  const { store } = harness;
  const org = saved(await store.create('organisation', { name: 'Acme Ltd' }));
  const ada = saved(await store.create('person', person('Adaline', 'Quibbleworth', {
    organisationId: org.id, emails: ['Ada.Q@Example.org'], phones: ['+44 20 7946 0001'],
  })));
  const other = saved(await store.create('person', person('Bert', 'Other', { emails: ['bert@example.org'] })));
  saved(await store.create('note', { body: 'Adaline likes tea', recordId: ada.id, sourceUrl: null, capturedAt: null }));
  const trashedNote = saved(await store.create('note', { body: 'Old secret about Quibbleworth', recordId: ada.id, sourceUrl: null, capturedAt: null }));
  await store.remove(trashedNote.id);
  const kase = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
  const deal = saved(await store.create('opportunity', { name: 'Big deal', partyId: ada.id, currency: 'EUR' }));
  saved(await store.update(ada.id, 'person', { jobTitle: 'Chief Quibbler' }));
  return { ...harness, org, ada, other, kase, deal };
};

describe('erase', () => {
  it('leaves nothing of the person, their notes or their id in any object store, snapshots included', async () => {
    const { store, db, ada, clock } = await seed();
    const snapshot = await takeSnapshot(db, { clock, newId: () => 'snapshot-before-erasure', reason: 'manual' });
    expect(await everything(db)).toContain('Quibbleworth');
    await store.erase(ada.id, { suppressEmails: true });
    const raw = await everything(db);
    for (const trace of ['Adaline', 'Quibbleworth', 'Quibbler', 'Ada.Q@Example.org', 'ada.q@example.org', 'likes tea', '7946', ada.id]) {
      expect(raw, trace).not.toContain(trace);
    }
    expect(await store.get(ada.id)).toBeUndefined();
    expect(await store.changesFor(ada.id)).toEqual([]);
    const archived = await everything(db, SNAPSHOT_STORES);
    for (const trace of ['Adaline', 'Quibbleworth', 'Quibbler', 'Ada.Q@Example.org', 'likes tea', '7946', ada.id]) {
      expect(archived, trace).not.toContain(trace);
    }
    // The snapshot stays restorable, with everyone else in it.
    const left = await readSnapshot(db, snapshot.id);
    expect(left.ok && left.value.rows.length).toBe(snapshot.records - 3);
  });

  it('also scrubs the earlier values an import kept, so undo of that import cannot bring them back', async () => {
    const { store, db, ada, other } = await seed();
    const report = await store.applyImport('batch-erase', [
      { op: 'update', id: ada.id, kind: 'person', fields: { ...ada.fields, jobTitle: 'Imported title' } },
      { op: 'update', id: other.id, kind: 'person', fields: { ...other.fields, jobTitle: 'Kept title' } },
    ]);
    expect(report.written).toBe(2);
    await store.erase(ada.id, { suppressEmails: false });
    const raw = await everything(db);
    for (const trace of ['Adaline', 'Quibbleworth', 'Quibbler', 'Imported title', ada.id]) expect(raw, trace).not.toContain(trace);
    // The other person's earlier value stays with its own change, still lined up for undo.
    const undo = await store.undoImport('batch-erase');
    expect((await store.get(other.id))?.fields).toMatchObject({ jobTitle: '' });
    expect(JSON.stringify(undo)).not.toContain(ada.id);
  });

  it('unlinks cases and opportunities as an update with its own change set, and keeps the rest', async () => {
    const { store, ada, kase, deal, other, org } = await seed();
    const receipt = await store.erase(ada.id, { suppressEmails: false });
    expect(receipt).toMatchObject({ notes: 2, links: 2 });
    const [caseAfter, dealAfter] = await store.getMany([kase.id, deal.id]);
    expect(caseAfter?.kind === 'case' && caseAfter.fields.partyId).toBeNull();
    expect(dealAfter?.kind === 'opportunity' && dealAfter.fields.partyId).toBeNull();
    const caseHistory = await store.changesFor(kase.id);
    expect(caseHistory.at(-1)).toMatchObject({ op: 'update', changed: ['partyId'], values: { partyId: null } });
    expect(caseHistory[0]?.values).toMatchObject({ name: 'Roof repair', partyId: null });
    expect(await store.get(other.id)).toBeDefined();
    expect(await store.get(org.id)).toBeDefined();
    expect(await store.linkedTo(ada.id)).toEqual([]);
  });

  it('writes a receipt without personal data, chained into the audit log', async () => {
    const { store, ada } = await seed();
    await store.erase(ada.id, { suppressEmails: true });
    const entries = await store.audit.entries();
    const receipt = entries.find((entry) => entry.type === 'record-erased');
    expect(receipt?.subjects).toEqual([{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, ada.id) }]);
    expect(receipt?.detail).toMatchObject({ person: 1, notes: 2, links: 2, suppressedEmails: 1 });
    expect(JSON.stringify(receipt)).not.toMatch(/Adaline|Quibbleworth|example\.org/);
    expect(await store.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('remembers a hash of the email only when asked', async () => {
    const kept = await seed();
    await kept.store.erase(kept.ada.id, { suppressEmails: true });
    expect(await kept.store.isSuppressed('  ADA.q@example.ORG ')).toBe(true);
    expect(await kept.store.isSuppressed('bert@example.org')).toBe(false);

    const notKept = await seed();
    await notKept.store.erase(notKept.ada.id, { suppressEmails: false });
    expect(await notKept.store.isSuppressed('ada.q@example.org')).toBe(false);
  });

  it('announces the erased and unlinked records so other surfaces drop them', async () => {
    const { store, bus, ada, kase } = await seed();
    bus.published.length = 0;
    await store.erase(ada.id, { suppressEmails: false });
    expect(bus.published.flatMap((change) => change.ids)).toEqual(expect.arrayContaining([ada.id, kase.id]));
  });

  it('refuses to erase anything but a person', async () => {
    const { store, org } = await seed();
    await expect(store.erase(org.id, { suppressEmails: false })).rejects.toThrow(/person/);
    expect(await store.get(org.id)).toBeDefined();
  });
});
