import { describe, expect, it, vi } from 'vitest';
import { plainCodec, type ValueCodec } from '../../../core/codec';
import { createHarness, opaqueCodec, person, saved } from '../store/harness';

describe('store writes', () => {
  it('creates a record that reads back with the same fields, a change entry and an announcement', async () => {
    const { store, bus, clock } = await createHarness();
    const created = saved(await store.create('person', person('Ada', 'Lovelace', { emails: ['ada@example.com'] })));

    const read = await store.get(created.id);
    expect(read).toEqual(created);
    expect(read?.fields).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.com'] });
    expect(read).toMatchObject({ kind: 'person', createdAt: clock.now(), updatedAt: clock.now(), deletedAt: null });

    const [change, ...others] = await store.changesFor(created.id);
    expect(others).toHaveLength(0);
    expect(change).toMatchObject({ op: 'create', kind: 'person', deviceId: 'device-a', author: 'owner@example.com' });
    expect(change?.changed).toEqual(expect.arrayContaining(['firstName', 'lastName', 'emails']));
    expect(change?.values).toEqual(created.fields);
    expect(bus.published).toEqual([{ ids: [created.id], kinds: ['person'], settings: false }]);
  });

  it('refuses invalid input with field messages and writes nothing', async () => {
    const { store, db, bus } = await createHarness();
    const result = await store.create('organisation', { name: '   ' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error['name']).toBeTruthy();
    expect(await db.count('records')).toBe(0);
    expect(await db.count('changes')).toBe(0);
    expect(bus.published).toHaveLength(0);
  });

  it('stores bodies and change values only through the codec', async () => {
    const { store, db } = await createHarness({}, opaqueCodec);
    const created = saved(await store.create('person', person('Grace', 'Hopper')));

    const row = await db.get('records', created.id);
    const [set] = await db.getAll('changes');
    expect(JSON.stringify(row)).not.toContain('Grace');
    expect(JSON.stringify(set)).not.toContain('Grace');
    expect(set?.changes[0]?.changed).toContain('firstName');
    expect((await store.get(created.id))?.fields).toMatchObject({ firstName: 'Grace' });
    expect((await store.changesFor(created.id))[0]?.values).toMatchObject({ firstName: 'Grace' });
  });

  it('logs only the fields an update changed, and an update that changes nothing writes nothing', async () => {
    const { store, db, clock, bus } = await createHarness();
    const created = saved(await store.create('person', person('Ada', 'Lovelace', { tags: ['maths'] })));
    clock.advance(60_000);

    const updated = saved(await store.update(created.id, 'person', {
      firstName: 'Ada', tags: ['maths'], jobTitle: 'Analyst', notAField: 'ignored',
    }));
    expect(updated.fields).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst' });
    expect(updated.updatedAt).toBe(clock.now());
    expect(updated.fields).not.toHaveProperty('notAField');

    const changes = await store.changesFor(created.id);
    expect(changes.map((c) => c.op)).toEqual(['create', 'update']);
    expect(changes[1]?.changed).toEqual(['jobTitle']);
    expect(changes[1]?.values).toEqual({ jobTitle: 'Analyst' });

    const countBefore = await db.count('changes');
    const publishedBefore = bus.published.length;
    clock.advance(60_000);
    const unchanged = saved(await store.update(created.id, 'person', { tags: ['maths'], lastName: ' Lovelace ' }));
    expect(unchanged).toEqual(updated);
    expect(await db.count('changes')).toBe(countBefore);
    expect(bus.published).toHaveLength(publishedBefore);
  });

  it('keeps a change saved elsewhere while an update was between reading and writing', async () => {
    let release = (): void => undefined;
    let pauseNext = false;
    const pausingCodec: ValueCodec = {
      ...plainCodec,
      encodeMany: async (values, aads) => {
        if (pauseNext) {
          pauseNext = false;
          await new Promise<void>((resolve) => { release = resolve; });
        }
        return plainCodec.encodeMany(values, aads);
      },
    };
    const { store, clock } = await createHarness({}, pausingCodec);
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));

    pauseNext = true;
    const slow = store.update(ada.id, 'person', { jobTitle: 'Analyst' });
    await vi.waitFor(() => expect(pauseNext).toBe(false));
    clock.advance(1_000);
    saved(await store.update(ada.id, 'person', { tags: ['maths'] }));
    release();
    saved(await slow);

    expect((await store.get(ada.id))?.fields).toMatchObject({ jobTitle: 'Analyst', tags: ['maths'] });
  });

  it('refuses an invalid update and keeps the stored record', async () => {
    const { store, db } = await createHarness();
    const created = saved(await store.create('organisation', { name: 'Acme' }));

    const result = await store.update(created.id, 'organisation', { name: '' });
    expect(result.ok).toBe(false);
    expect((await store.get(created.id))?.fields).toMatchObject({ name: 'Acme' });
    expect(await db.count('changes')).toBe(1);
  });

  it('refuses to update a record that is missing, in the trash or of another kind', async () => {
    const { store } = await createHarness();
    const org = saved(await store.create('organisation', { name: 'Acme' }));

    expect((await store.update('no-such-id', 'organisation', { name: 'X' })).ok).toBe(false);
    expect((await store.update(org.id, 'person', { firstName: 'X' })).ok).toBe(false);
    await store.remove(org.id);
    expect((await store.update(org.id, 'organisation', { name: 'X' })).ok).toBe(false);
  });

  it('moves a removed record and its notes to the trash in one announced write', async () => {
    const { store, clock, bus } = await createHarness();
    const org = saved(await store.create('organisation', { name: 'Acme' }));
    const ada = saved(await store.create('person', person('Ada', 'Lovelace', { organisationId: org.id })));
    const note = saved(await store.create('note', { body: 'Met at the fair', recordId: ada.id }));
    const otherNote = saved(await store.create('note', { body: 'Kept', recordId: org.id }));
    clock.advance(1_000);
    bus.published.length = 0;

    await store.remove(ada.id);

    expect(await store.page('person', 0, 10)).toEqual([]);
    expect(await store.count('person')).toBe(0);
    expect((await store.linkedTo(org.id)).map((r) => r.id)).toEqual([otherNote.id]);
    expect(await store.get(ada.id)).toMatchObject({ deletedAt: clock.now(), updatedAt: clock.now() });
    expect(await store.get(note.id)).toMatchObject({ deletedAt: clock.now() });
    expect(await store.get(otherNote.id)).toMatchObject({ deletedAt: null });
    expect((await store.changesFor(ada.id)).at(-1)).toMatchObject({ op: 'delete', changed: ['deletedAt'] });
    expect((await store.changesFor(note.id)).at(-1)).toMatchObject({ op: 'delete' });
    expect(bus.published).toEqual([{ ids: [ada.id, note.id], kinds: ['person', 'note'], settings: false }]);

    await store.remove(ada.id);
    expect(bus.published).toHaveLength(1);
  });
});
