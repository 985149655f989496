/**
 * Sets the relay holds without their ciphertext because its own trash retention ended the record
 * (relay/store/retention-trash.ts): no purge set follows, only items with no body. A device that
 * never held the record must not make one up from them, and a device that holds it must neither
 * purge it nor change it on the relay's word alone: its own sweep purges when its copy agrees.
 */
import { describe, expect, it } from 'vitest';
import type { SyncSet } from '../../../core/sync/ports';
import { person, saved } from '../store/harness';
import { cursorAt, device, everyRecord } from './replica-harness';

const emptied = (sets: readonly SyncSet[]): SyncSet[] => sets.map((set) => ({ ...set, items: set.items.map((item) => ({ ...item, body: null })) }));

describe('replica: items the relay emptied without a purge set', () => {
  it('makes no record, and no change line, on a device that never held it', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    const bert = saved(await a.store.create('person', person('Bert', 'Example')));
    await a.store.remove(ada.id);
    const sets = (await a.replica.pending(100)).map((entry) => entry.set);
    // The relay ended Ada: her items come without ciphertext, Bert's keep theirs.
    const pulled = sets.map((set) => (set.items.some((item) => item.recordId === ada.id) ? emptied([set])[0]! : set));
    await b.replica.applyRemote(pulled, cursorAt(pulled.length));
    expect(await b.store.get(ada.id)).toBeUndefined();
    expect(await b.store.changesFor(ada.id)).toEqual([]);
    expect((await b.store.get(bert.id))?.fields).toMatchObject({ firstName: 'Bert' });
  });

  it('leaves a record a device holds exactly as it was: still in its trash, not purged and not restored', async () => {
    const a = await device('device-a');
    const b = await device('device-b');
    const ada = saved(await a.store.create('person', person('Ada', 'Lovelace')));
    const created = (await a.replica.pending(100)).map((entry) => entry.set);
    await b.replica.applyRemote(created, cursorAt(created.length));
    await a.replica.acknowledge(1);
    await b.store.remove(ada.id);
    const before = await everyRecord(b);
    // Another device's later edit and trash of Ada reach b only as emptied items.
    saved(await a.store.update(ada.id, 'person', { jobTitle: 'Analyst' }));
    await a.store.remove(ada.id);
    const later = emptied((await a.replica.pending(100)).map((entry) => entry.set));
    await b.replica.applyRemote(later, cursorAt(created.length + later.length));
    expect(await everyRecord(b)).toEqual(before);
    expect((await b.store.get(ada.id))?.deletedAt).not.toBeNull();
    expect(await b.db.get('purged', ada.id)).toBeUndefined();
  });
});
