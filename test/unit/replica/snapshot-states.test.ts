/**
 * Records as snapshots carry them: what one device reads, another merges by the per-field clocks,
 * the same as if it had received the sets; a later local edit wins, a record purged here stays
 * purged, and merging the same states again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { person, saved } from '../store/harness';
import { device, everyRecord, exchange } from './replica-harness';
import { START } from '../store/harness';

const statesOf = async (from: Awaited<ReturnType<typeof device>>) => from.replica.snapshotStates!('', 100);

describe('snapshot states', () => {
  it('gives a new device the same records as the sets would, and a second load changes nothing', async () => {
    const clock = createManualClock(START);
    const laptop = await device('laptop', clock);
    const fresh = await device('fresh', clock);
    const viaSets = await device('sets', clock);
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    clock.advance(1000);
    saved(await laptop.store.update(ada.id, 'person', { jobTitle: 'CTO', tags: ['vip'] }));
    saved(await laptop.store.create('person', person('Bert', 'Example')));
    await laptop.store.remove(ada.id);
    await exchange(laptop, viaSets);

    expect(await fresh.replica.applySnapshotStates!(await statesOf(laptop))).toEqual({ applied: 2, skipped: 0 });
    expect((await everyRecord(fresh)).map((record) => record && { ...record, createdAt: 0 }))
      .toEqual((await everyRecord(viaSets)).map((record) => record && { ...record, createdAt: 0 }));
    const loaded = await everyRecord(fresh);
    await fresh.replica.applySnapshotStates!(await statesOf(laptop));
    expect(await everyRecord(fresh)).toEqual(loaded);
  });

  it('keeps a later local edit and a local purge over an older snapshot', async () => {
    const clock = createManualClock(START);
    const laptop = await device('laptop', clock);
    const phone = await device('phone', clock);
    const ada = saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    const bert = saved(await laptop.store.create('person', person('Bert', 'Example')));
    await exchange(laptop, phone);
    const older = await statesOf(laptop);
    clock.advance(1000);
    saved(await phone.store.update(ada.id, 'person', { jobTitle: 'Edited later' }));
    await phone.store.remove(bert.id);
    await phone.store.deleteForever([bert.id]);

    await phone.replica.applySnapshotStates!(older);
    expect((await phone.store.get(ada.id))?.fields).toMatchObject({ firstName: 'Ada', jobTitle: 'Edited later' });
    expect(await phone.store.get(bert.id)).toBeUndefined();
  });
});
