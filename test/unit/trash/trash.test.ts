import { describe, expect, it } from 'vitest';
import { idHash } from '../../../core/audit/hash';
import { plainCodec } from '../../../core/codec';
import { createTrashHarness, days, note, person, saved } from './trash-harness';
import { TEST_AUDIT_KEYS } from '../store/harness';
import type { TrashRestoreRefusal } from '../../../core/trash/contract';
import type { Result } from '../../../core/result';
import { trashRestoreText } from '../../../components/shared/messages/trash-messages';

/** A restore's outcome as the trash shows it: a refusal in its words. */
const worded = <T>(result: Result<T, TrashRestoreRefusal>) => (result.ok ? result : { ok: false, error: trashRestoreText(result.error) });

const seed = async () => {
  const harness = await createTrashHarness();
  const { store } = harness;
  const org = saved(await store.create('organisation', { name: 'Acme Ltd' }));
  const ada = saved(await store.create('person', person('Ada', 'Lovelace', { organisationId: org.id, emails: ['ada@example.org'] })));
  const first = saved(await store.create('note', note(ada.id, 'Met at the fair')));
  const second = saved(await store.create('note', note(ada.id, 'Likes tea')));
  const kase = saved(await store.create('case', { name: 'Roof repair', partyId: ada.id }));
  return { ...harness, org, ada, notes: [first, second], kase };
};

describe('trash', () => {
  it('lists a deleted record once, with who deleted it and its notes counted, and hides it from lists', async () => {
    const { store, ada, org, notes } = await seed();
    await store.remove(ada.id);

    const [item, ...rest] = await store.trashPage(0, 50);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ deletedBy: 'owner', notes: 2 });
    expect(item?.record).toMatchObject({ id: ada.id, kind: 'person', fields: { firstName: 'Ada' } });
    expect(item?.record.deletedAt).not.toBeNull();
    expect(await store.trashCount()).toBe(1);
    expect(await store.count('person')).toBe(0);
    expect(await store.linkedTo(org.id)).toEqual([]);
    expect((await store.get(notes[0]?.id ?? ''))?.deletedAt).toBe(item?.record.deletedAt);
  });

  it('lists a note deleted on its own, and puts the most recently deleted first', async () => {
    const { store, clock, ada, notes, kase } = await seed();
    await store.remove(notes[0]?.id ?? '');
    clock.advance(60_000);
    await store.remove(kase.id);
    clock.advance(60_000);
    await store.remove(ada.id);

    const page = await store.trashPage(0, 50);
    expect(page.map((item) => item.record.id)).toEqual([ada.id, kase.id, notes[0]?.id]);
    expect(page.map((item) => item.notes)).toEqual([1, 0, 0]);
    expect(await store.trashCount()).toBe(3);
    expect((await store.trashPage(1, 1)).map((item) => item.record.id)).toEqual([kase.id]);
    expect(await store.trashPage(3, 10)).toEqual([]);
  });

  it('names the author who deleted a record, and the owner for rows trashed before that was kept', async () => {
    const { store, db, ada, kase } = await seed();
    await store.remove(ada.id);
    await store.remove(kase.id);
    const row = await db.get('records', kase.id);
    if (!row) throw new Error('the case is missing');
    const { deletedBy: _dropped, ...older } = row;
    await db.put('records', older);
    const other = await createTrashHarness(plainCodec, 'device-b-author');
    const grace = saved(await other.store.create('person', person('Grace', 'Hopper')));
    await other.store.remove(grace.id);

    expect((await store.trashPage(0, 10)).map((item) => item.deletedBy)).toEqual(['owner', 'owner']);
    expect((await other.store.trashPage(0, 10))[0]?.deletedBy).toBe('device-b-author');
  });

  it('restores a record with its notes and links, shows it in lists again and logs the restore', async () => {
    const { store, clock, org, ada, notes, kase } = await seed();
    await store.remove(ada.id);
    clock.advance(days(29));

    const restored = await store.restore(ada.id);

    expect(restored).toMatchObject({ ok: true, value: { id: ada.id, deletedAt: null, updatedAt: clock.now(), fields: ada.fields } });
    expect(await store.trashCount()).toBe(0);
    expect(await store.trashPage(0, 10)).toEqual([]);
    expect(await store.count('person')).toBe(1);
    expect((await store.page('person', 0, 10)).map((record) => record.id)).toEqual([ada.id]);
    expect((await store.linkedTo(org.id)).map((record) => record.id)).toEqual([ada.id]);
    expect((await store.linkedTo(ada.id)).map((record) => record.id).sort()).toEqual([...notes.map((n) => n.id), kase.id].sort());
    const last = (await store.changesFor(notes[1]?.id ?? '')).at(-1);
    expect(last).toMatchObject({ op: 'restore', changed: ['deletedAt'], values: { deletedAt: null } });
    const entry = (await store.audit.entries()).at(-1);
    expect(entry).toMatchObject({ type: 'record-restored', subjects: [{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, ada.id) }], detail: { notes: 2 } });
  });

  it('leaves a note deleted on its own in the trash when its record comes back', async () => {
    const { store, clock, ada, notes } = await seed();
    await store.remove(notes[0]?.id ?? '');
    clock.advance(1_000);
    await store.remove(ada.id);

    saved(await store.restore(ada.id));

    expect((await store.trashPage(0, 10)).map((item) => item.record.id)).toEqual([notes[0]?.id]);
    expect((await store.linkedTo(ada.id)).map((record) => record.id)).not.toContain(notes[0]?.id);
    saved(await store.restore(notes[0]?.id ?? ''));
    expect(await store.trashCount()).toBe(0);
  });

  it('refuses, in words for the owner, a live record, a purged one and a note whose record is still in the trash', async () => {
    const { store, ada, notes, kase } = await seed();
    expect(worded(await store.restore(ada.id))).toEqual({ ok: false, error: 'This record is not in the trash.' });
    await store.remove(ada.id);
    expect(worded(await store.restore(notes[0]?.id ?? ''))).toEqual({ ok: false, error: 'Restore the record this note belongs to first.' });
    await store.remove(kase.id);
    await store.deleteForever([kase.id]);
    expect(worded(await store.restore(kase.id))).toEqual({ ok: false, error: 'This record was deleted for good and can no longer be restored.' });
    expect(await store.trashCount()).toBe(1);
  });

  it('moves many records with their notes in batches of a thousand and counts only the records', async () => {
    const { store, db, bus } = await createTrashHarness(plainCodec);
    const report = await store.insertMany('person', Array.from({ length: 1_200 }, (_, i) => person(`P${i}`, 'Many')));
    expect(report.inserted).toBe(1_200);
    const people = await store.page('person', 0, 2_000);
    for (const owner of people.slice(0, 3)) saved(await store.create('note', note(owner.id, 'kept with it')));
    const setsBefore = await db.count('changes');
    bus.published.length = 0;

    const moved = await store.removeMany([...people.map((record) => record.id), people[0]?.id ?? '']);

    expect(moved).toBe(1_200);
    expect(await store.count('person')).toBe(0);
    // All trashed in the same millisecond: counting must page through one large group correctly.
    expect(await store.trashCount()).toBe(1_200);
    expect(await db.count('changes')).toBe(setsBefore + 2);
    expect(bus.published).toHaveLength(2);
    expect(await store.removeMany(people.map((record) => record.id))).toBe(0);
  });

  it('logs deletions, purges and settings changes by kind, count and id hash, never by name or email', async () => {
    const { store, ada, kase } = await seed();
    await store.remove(ada.id);
    await store.remove(kase.id);
    await store.deleteForever([ada.id]);
    saved(await store.saveSettings({ ownerName: 'Olivia Owner', ownerEmail: 'olivia@example.org', defaultCurrency: 'gbp' }));
    saved(await store.saveSettings({ ownerName: 'Olivia Owner' }));
    saved(await store.saveSettings({ defaultCurrency: 'USD' }));

    const entries = await store.audit.entries();
    expect(entries.map((entry) => entry.type)).toEqual([
      'record-deleted', 'record-deleted', 'records-purged', 'settings-changed', 'settings-changed',
    ]);
    expect(entries[0]).toMatchObject({ by: 'owner', subjects: [{ kind: 'person', idHash: await idHash(TEST_AUDIT_KEYS, ada.id) }], detail: { notes: 2 } });
    expect(entries[1]).toMatchObject({ subjects: [{ kind: 'case', idHash: await idHash(TEST_AUDIT_KEYS, kase.id) }], detail: { notes: 0 } });
    expect(entries[2]).toMatchObject({ subjects: [], detail: { person: 1, note: 2, trigger: 'owner' } });
    expect(entries[3]?.detail).toEqual({ fields: 'ownerName,ownerEmail,defaultCurrency' });
    expect(entries[4]?.detail).toEqual({ fields: 'defaultCurrency' });
    const text = JSON.stringify(entries);
    for (const trace of ['Ada', 'Lovelace', 'ada@example.org', 'Olivia', 'olivia@example.org', 'Roof', 'GBP', ada.id, kase.id]) {
      expect(text, trace).not.toContain(trace);
    }
    expect(await store.audit.verifyChain()).toEqual({ ok: true, count: 5 });
  });
});
