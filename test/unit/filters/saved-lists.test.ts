import { describe, expect, it } from 'vitest';
import { BUILT_IN_LISTS } from '../../../core/filters/built-in-lists';
import type { Filter, Sort } from '../../../core/filters/filter-schema';
import { createSavedLists } from '../../../core/filters/saved-lists';
import { createArchiveHarness, noProgress, PASSWORD, saved } from '../backup/archive-harness';

const leedsCustomers: Filter = { conditions: [{ field: 'tag', op: 'has', tag: 'Customer' }, { field: 'city', op: 'is', text: 'Leeds' }] };
const byName: Sort = { column: 'name', direction: 'asc' };

const listsOn = async () => {
  const harness = await createArchiveHarness();
  let serial = 0;
  return { harness, lists: createSavedLists({ settings: harness.store, newId: () => `list-${++serial}` }) };
};

describe('saved lists', () => {
  it('are saved, renamed and deleted in the settings, after the built-in lists', async () => {
    const { harness, lists } = await listsOn();
    expect(await lists.all()).toEqual(BUILT_IN_LISTS);
    const list = saved(await lists.save('  Leeds customers ', 'person', leedsCustomers, byName));
    expect(list).toEqual({ id: 'list-1', name: 'Leeds customers', kind: 'person', filter: leedsCustomers, sort: byName });
    expect((await lists.all()).slice(BUILT_IN_LISTS.length)).toEqual([list]);
    expect((await harness.store.getSettings()).savedLists).toEqual([list]);

    saved(await lists.rename(list.id, 'Customers in Leeds'));
    expect((await lists.all()).at(-1)?.name).toBe('Customers in Leeds');
    saved(await lists.remove(list.id));
    expect(await lists.all()).toEqual(BUILT_IN_LISTS);
    const changes = (await harness.store.audit.entries()).filter((entry) => entry.type === 'settings-changed');
    expect(changes.map((entry) => entry.detail.fields)).toEqual(['savedLists', 'savedLists', 'savedLists']);
  });

  it('keep a board list: the board’s filter (any of the owner’s milestones) under a name, read back as a board list', async () => {
    const { harness, lists } = await listsOn();
    const demos: Filter = { conditions: [{ field: 'milestone', op: 'is', milestone: 'demo-booked' }, { field: 'owner', op: 'is', text: 'Ada' }] };
    const list = saved(await lists.save('Ada’s demos', 'opportunity', demos, byName, 'board'));
    // The board keeps its own order: a board list holds no sort of its own.
    expect(list).toEqual({ id: 'list-1', name: 'Ada’s demos', kind: 'opportunity', filter: demos, sort: { column: 'updated', direction: 'desc' }, view: 'board' });
    expect((await harness.store.getSettings()).savedLists).toEqual([list]);
    // A list saved from the opportunities' list stays a list.
    const plain = saved(await lists.save('Open deals', 'opportunity', { conditions: [{ field: 'status', op: 'is', status: 'open' }] }, byName));
    expect(plain.view).toBeUndefined();
    expect((await lists.all()).slice(BUILT_IN_LISTS.length).map((each) => [each.name, each.view])).toEqual([['Ada’s demos', 'board'], ['Open deals', undefined]]);
  });

  it('refuses an empty or taken name, and leaves built-in lists alone', async () => {
    const { lists } = await listsOn();
    saved(await lists.save('Leeds', 'person', leedsCustomers, byName));
    expect(await lists.save('   ', 'person', leedsCustomers, byName)).toEqual({ ok: false, error: { type: 'name-empty' } });
    expect(await lists.save('LEEDS', 'organisation', leedsCustomers, byName)).toEqual({ ok: false, error: { type: 'name-taken' } });
    expect(await lists.rename(BUILT_IN_LISTS[0]!.id, 'Mine')).toEqual({ ok: false, error: { type: 'built-in' } });
    expect(await lists.remove(BUILT_IN_LISTS[0]!.id)).toEqual({ ok: false, error: { type: 'built-in' } });
    expect(await lists.remove('no-such-list')).toEqual({ ok: false, error: { type: 'not-found' } });
  });

  it('remember each kind’s sort and columns, leaving the other settings as they were', async () => {
    const { harness, lists } = await listsOn();
    saved(await harness.store.saveSettings({ ownerName: 'Olive Owner' }));
    expect(await lists.view('opportunity')).toEqual({ sort: { column: 'updated', direction: 'desc' }, columns: [] });
    expect(await lists.rememberView('opportunity', { sort: { column: 'value', direction: 'desc' }, columns: ['value', 'close-date'] })).toBe(true);
    expect(await lists.view('opportunity')).toEqual({ sort: { column: 'value', direction: 'desc' }, columns: ['value', 'close-date'] });
    expect(await lists.view('person')).toEqual({ sort: { column: 'updated', direction: 'desc' }, columns: [] });
    expect(await harness.store.getSettings()).toMatchObject({ ownerName: 'Olive Owner', defaultCurrency: 'EUR' });
  });

  it('remember the pipeline board’s filter beside the opportunities list’s own view', async () => {
    const { lists } = await listsOn();
    const adas: Filter = { conditions: [{ field: 'owner', op: 'is', text: 'Ada' }] };
    expect(await lists.boardFilter()).toEqual({ conditions: [] });
    expect(await lists.rememberView('opportunity', { sort: byName, columns: ['value'] })).toBe(true);
    expect(await lists.rememberBoardFilter(adas)).toBe(true);
    expect(await lists.boardFilter()).toEqual(adas);
    expect(await lists.view('opportunity')).toEqual({ sort: byName, columns: ['value'] });
  });

  it('travel with a backup, encrypted with the other settings', async () => {
    const { harness, lists } = await listsOn();
    const list = saved(await lists.save('Leeds customers', 'person', leedsCustomers, byName));
    await lists.rememberView('person', { sort: byName, columns: ['organisation'] });
    const stored = await harness.db.get('settings', 'general');
    expect(JSON.stringify(stored)).not.toContain('Leeds');

    const file = await harness.archive.createBackup(PASSWORD, noProgress);
    saved(await lists.remove(list.id));
    const fresh = await listsOn();
    saved(await fresh.harness.archive.restoreBackup(file.bytes, PASSWORD, noProgress));
    expect((await fresh.lists.all()).slice(BUILT_IN_LISTS.length)).toEqual([list]);
    expect(await fresh.lists.view('person')).toEqual({ sort: byName, columns: ['organisation'] });
  });

  it('says "not saved" when the settings refuse the write (a read-only member), keeping the lists as they were', async () => {
    const { harness } = await listsOn();
    const refusing = createSavedLists({
      settings: { ...harness.store, saveSettings: async () => { throw new Error('role refused'); } },
      newId: () => 'list-x',
    });
    expect(await refusing.save('Mine', 'person', leedsCustomers, byName)).toEqual({ ok: false, error: { type: 'not-saved' } });
    expect(await refusing.all()).toEqual(BUILT_IN_LISTS);
  });

  it('refuses a stored list that is not a valid filter, saving nothing', async () => {
    const { harness } = await listsOn();
    const broken = { id: 'x', name: 'Broken', kind: 'person', filter: { conditions: [{ field: 'tag', op: 'sounds-like', tag: 'A' }] }, sort: byName };
    expect((await harness.store.saveSettings({ savedLists: [broken] })).ok).toBe(false);
    expect((await harness.store.getSettings()).savedLists).toBeUndefined();
  });
});
