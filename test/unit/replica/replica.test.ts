import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { idHash } from '../../../core/audit/hash';
import { START, TEST_AUDIT_KEYS, person, saved } from '../store/harness';
import { cursorAt, deliver, device, everyRecord, exchange } from './replica-harness';

const pair = async () => {
  const clock = createManualClock(START);
  const a = await device('device-a', clock);
  const b = await device('device-b', clock);
  return { clock, a, b };
};

/** A person on A, delivered to B, so both start from the same record. */
const shared = async (tags: string[] = []) => {
  const { clock, a, b } = await pair();
  const ada = saved(await a.store.create('person', person('Ada', 'Lovelace', { tags })));
  await deliver(a, b);
  clock.advance(1000);
  return { clock, a, b, ada };
};

describe('replica: two devices exchanging sets converge', () => {
  it('keeps both edits when two devices change different fields of one record', async () => {
    const { clock, a, b, ada } = await shared();
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    clock.advance(10);
    saved(await b.store.update(ada.id, 'person', { lastName: 'King' }));
    await exchange(a, b);
    expect((await a.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Analyst', lastName: 'King' });
    expect(await everyRecord(a)).toEqual(await everyRecord(b));
  });

  it('resolves the same field to the later edit on both devices, whichever arrives first', async () => {
    const { clock, a, b, ada } = await shared();
    saved(await b.store.update(ada.id, 'person', { jobTitle: 'Later on B' }));
    clock.advance(-500);
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Earlier on A' }));
    await exchange(a, b);
    expect((await a.store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Later on B' });
    expect(await everyRecord(a)).toEqual(await everyRecord(b));
  });

  it('keeps tags added on both devices, and a tag removed on one stays removed', async () => {
    const { clock, a, b, ada } = await shared(['vip']);
    saved(await a.store.update(ada.id, 'person', { tags: ['lead'] }));
    clock.advance(10);
    saved(await b.store.update(ada.id, 'person', { tags: ['vip', 'press'] }));
    await exchange(a, b);
    const onA = await a.store.get(ada.id);
    expect(onA?.kind === 'person' && [...onA.fields.tags].sort()).toEqual(['lead', 'press']);
    expect(await everyRecord(a)).toEqual(await everyRecord(b));
  });

  it('flags a note edited on two devices and keeps both texts in its history, without a second note', async () => {
    const { clock, a, b, ada } = await shared();
    const note = saved(await a.store.create('note', { body: 'Likes tea', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    await deliver(a, b);
    clock.advance(10);
    saved(await a.store.update(note.id, 'note', { body: 'Likes coffee' }));
    clock.advance(10);
    saved(await b.store.update(note.id, 'note', { body: 'Likes water' }));
    await exchange(a, b);
    for (const d of [a, b]) {
      expect((await d.store.get(note.id))?.fields).toMatchObject({ body: 'Likes water' });
      expect((await d.db.get('records', note.id))?.conflictedFields).toEqual(['body']);
      const texts = (await d.store.changesFor(note.id)).map((entry) => entry.values.body);
      expect(texts).toEqual(['Likes tea', 'Likes coffee', 'Likes water']);
      expect(await d.store.linkedTo(ada.id)).toHaveLength(1);
    }
  });

  it('does not flag a note edited on one device after it saw the other device’s edit', async () => {
    const { clock, a, b, ada } = await shared();
    const note = saved(await a.store.create('note', { body: 'Likes tea', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    saved(await a.store.update(note.id, 'note', { body: 'Likes coffee' }));
    await deliver(a, b);
    clock.advance(10);
    saved(await b.store.update(note.id, 'note', { body: 'Likes water' }));
    await exchange(a, b);
    for (const d of [a, b]) expect((await d.db.get('records', note.id))?.conflictedFields).toBeUndefined();
  });

  it('applies an edit to a record trashed on the other device, and shows it once restored', async () => {
    const { clock, a, b, ada } = await shared();
    await a.store.remove(ada.id);
    clock.advance(10);
    saved(await b.store.update(ada.id, 'person', { jobTitle: 'Edited while trashed elsewhere' }));
    await exchange(a, b);
    expect((await b.store.get(ada.id))?.deletedAt).not.toBeNull();
    expect(await everyRecord(a)).toEqual(await everyRecord(b));
    const restored = await a.store.restore(ada.id);
    expect(restored.ok && restored.value.fields).toMatchObject({ jobTitle: 'Edited while trashed elsewhere' });
    await exchange(a, b);
    expect((await b.store.get(ada.id))?.deletedAt).toBeNull();
  });

  it('keeps a purged record purged when its create is delivered again', async () => {
    const { a, b, ada } = await shared();
    const create = (await a.replica.pending(100));
    expect(create).toHaveLength(0);
    await a.store.remove(ada.id);
    await a.store.deleteForever([ada.id]);
    await deliver(a, b);
    expect(await b.store.get(ada.id)).toBeUndefined();
    // The relay hands the create over again (a re-bootstrap, a duplicate).
    const fresh = await device('device-c');
    saved(await fresh.store.create('person', person('Someone', 'Else')));
    const again = await b.replica.applyRemote([{
      setId: '0000000000001-00000-device-a', deviceId: 'device-a', author: 'owner',
      items: [{ recordId: ada.id, kind: 'person', op: 'create', body: { changed: ['firstName', 'lastName'], values: { firstName: 'Ada', lastName: 'Lovelace' } } }],
    }], cursorAt(99));
    expect(again).toEqual({ applied: 0, skipped: 1 });
    expect(await b.store.get(ada.id)).toBeUndefined();
    expect(await b.db.get('purged', ada.id)).toMatchObject({ op: 'purge' });
  });

  it('erases the person and their notes on the other device when erased on one', async () => {
    const { a, b, ada } = await shared();
    const note = saved(await a.store.create('note', { body: 'Secret', recordId: ada.id, sourceUrl: null, capturedAt: null }));
    await deliver(a, b);
    await a.store.erase(ada.id, { suppressEmails: false });
    const { entries } = await deliver(a, b);
    const erase = entries.find((entry) => entry.set.items.some((item) => item.op === 'erase'));
    expect(erase?.set.items.map((item) => item.recordId).sort()).toEqual([ada.id, note.id].sort());
    expect(await b.store.get(ada.id)).toBeUndefined();
    expect(await b.store.get(note.id)).toBeUndefined();
    expect(await b.db.get('purged', ada.id)).toBeUndefined();
    expect(await b.db.get('purged', await idHash(TEST_AUDIT_KEYS, ada.id))).toMatchObject({ op: 'erase' });
    expect(JSON.stringify(await b.db.getAll('changes'))).not.toContain('Secret');
  });

  it('changes nothing when the same sets are applied twice', async () => {
    const { clock, a, b, ada } = await shared();
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    clock.advance(10);
    const entries = await a.replica.pending(100);
    const sets = entries.map((entry) => entry.set);
    expect(await b.replica.applyRemote(sets, cursorAt(2))).toEqual({ applied: 1, skipped: 0 });
    const once = { records: await b.db.getAll('records'), changes: await b.db.getAllKeys('changes') };
    expect(await b.replica.applyRemote(sets, cursorAt(2))).toEqual({ applied: 0, skipped: 1 });
    expect({ records: await b.db.getAll('records'), changes: await b.db.getAllKeys('changes') }).toEqual(once);
    // Remote sets never enter the outbox: nothing of A's comes back from B.
    expect(await b.replica.pendingCount()).toBe(0);
  });
});

describe('field clocks on local writes', () => {
  it('stamps the fields each write changed, and deletedAt on trash and restore, with that write’s set', async () => {
    const { clock, a } = await pair();
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    const [created] = await a.db.getAllKeys('changes');
    clock.advance(10);
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    await a.store.remove(ada.id);
    const [, updated, trashed] = await a.db.getAllKeys('changes');
    const row = await a.db.get('records', ada.id);
    expect(row?.fieldClocks).toMatchObject({ firstName: created, lastName: created, jobTitle: updated, deletedAt: trashed });
    await a.store.restore(ada.id);
    const restored = (await a.db.getAllKeys('changes')).at(-1);
    expect((await a.db.get('records', ada.id))?.fieldClocks).toMatchObject({ jobTitle: updated, deletedAt: restored });
    // Field names and HLCs only: no value is in the clear beside the body.
    expect(JSON.stringify(row?.fieldClocks)).not.toContain('Analyst');
  });
});
