/**
 * Records as snapshots carry them: what one device reads, another merges by the per-field clocks,
 * the same as if it had received the sets; a later local edit wins, a record purged here stays
 * purged, and merging the same states again changes nothing. The team settings' group rows ride
 * along in id order (never the personal settings, nor settings kept on one device only).
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import type { FieldDefinitions } from '../../../core/custom-fields/definitions';
import { writeSettings } from '../../../core/settings/settings';
import type { RecordState } from '../../../core/sync/ports';
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

  const shoeSize: FieldDefinitions = {
    person: [{ id: 'shoe-size', name: 'Shoe size', type: 'number', choices: [], required: false, formerNames: [] }],
    organisation: [], case: [], opportunity: [],
  };

  it('carries the team settings in id order among the records, page by page, and a new device takes them', async () => {
    const clock = createManualClock(START);
    const laptop = await device('laptop', clock);
    const fresh = await device('fresh', clock);
    saved(await laptop.store.create('person', person('Ada', 'Lovelace')));
    expect((await laptop.store.saveSettings({ fieldDefinitions: shoeSize, defaultCurrency: 'CHF', ownerName: 'Ada at home' })).ok).toBe(true);
    saved(await laptop.store.create('person', person('Bert', 'Example')));

    const pages: RecordState[][] = [];
    for (let afterId = ''; ;) {
      const page = await laptop.replica.snapshotStates!(afterId, 1);
      if (page.length === 0) break;
      pages.push([...page]);
      afterId = page.at(-1)!.recordId;
    }
    const ids = pages.flat().map((state) => state.recordId);
    expect(pages.every((page) => page.length === 1)).toBe(true);
    expect(ids).toEqual([...ids].sort());
    expect(pages.flat().filter((state) => state.kind === 'settings').map((state) => state.recordId).sort()).toEqual(['settings:fields', 'settings:general']);
    expect(JSON.stringify(pages)).not.toContain('Ada at home');

    expect(await fresh.replica.applySnapshotStates!(pages.flat())).toEqual({ applied: 4, skipped: 0 });
    expect(await fresh.store.getSettings()).toMatchObject({ fieldDefinitions: shoeSize, defaultCurrency: 'CHF', ownerName: '' });
    expect(fresh.bus.published).toContainEqual({ ids: [], kinds: [], settings: true });
    // Loading it again writes no settings row (each write would seal it anew).
    const rows = await fresh.db.getAll('settings');
    await fresh.replica.applySnapshotStates!(pages.flat());
    expect(await fresh.db.getAll('settings')).toEqual(rows);
  });

  it('keeps a team setting changed here later over an older snapshot, and leaves out settings kept on one device', async () => {
    const clock = createManualClock(START);
    const laptop = await device('laptop', clock);
    const phone = await device('phone', clock);
    expect((await laptop.store.saveSettings({ fieldDefinitions: shoeSize, defaultCurrency: 'CHF' })).ok).toBe(true);
    const older = await statesOf(laptop);
    clock.advance(1000);
    expect((await phone.store.saveSettings({ defaultCurrency: 'USD' })).ok).toBe(true);
    await phone.replica.applySnapshotStates!(older);
    expect(await phone.store.getSettings()).toMatchObject({ fieldDefinitions: shoeSize, defaultCurrency: 'USD' });

    // A member below admin keeps such settings on this device only: its snapshot never hands them on.
    const member = await device('member', clock);
    expect((await writeSettings(member.deps, { defaultCurrency: 'JPY' }, async () => null, true)).ok).toBe(true);
    expect((await statesOf(member)).filter((state) => state.kind === 'settings')).toEqual([]);
  });
});
