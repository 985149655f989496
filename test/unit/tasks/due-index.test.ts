import { describe, expect, it } from 'vitest';
import { createHarness, person, saved } from '../store/harness';

describe('the due and remind indexes', () => {
  it('hold only live open tasks with a due date, and follow edits, done, trash and restore', async () => {
    const { store, db } = await createHarness();
    const ada = saved(await store.create('person', person('Ada', 'Lovelace')));
    const timed = saved(await store.create('task', {
      description: 'Call Ada', recordId: ada.id, dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'Europe/Berlin',
    }));
    saved(await store.create('task', { description: 'Some day', dueDate: '2026-12-08', timeZone: 'UTC' }));
    saved(await store.create('task', { description: 'No date' }));

    const due = async () => (await db.getAllFromIndex('records', 'due')).map((row) => row.dueKey);
    const remind = async () => (await db.getAllFromIndex('records', 'remind')).map((row) => row.remindKey);
    expect(await due()).toEqual([Date.parse('2026-12-07T09:00:00Z'), Date.parse('2026-12-08T00:00:00Z')]);
    expect(await remind()).toEqual([Date.parse('2026-12-07T09:00:00Z')]);

    saved(await store.update(timed.id, 'task', { dueTime: '11:00' }));
    expect(await remind()).toEqual([Date.parse('2026-12-07T10:00:00Z')]);

    // Trashing the person takes the task along; the indexes forget it, and a restore brings it back.
    await store.remove(ada.id);
    expect(await remind()).toEqual([]);
    expect((await store.restore(ada.id)).ok).toBe(true);
    expect(await remind()).toEqual([Date.parse('2026-12-07T10:00:00Z')]);

    saved(await store.update(timed.id, 'task', { doneAt: Date.parse('2026-12-07T09:59:00Z') }));
    expect(await remind()).toEqual([]);
    expect(await due()).toEqual([Date.parse('2026-12-08T00:00:00Z')]);
  });
});
