import { describe, expect, it } from 'vitest';
import { createTaskReads } from '../../../core/tasks/task-reads';
import { createHarness, person, saved } from '../store/harness';

describe('the Tasks view reads', () => {
  it('lists dated open tasks soonest first with their record title, then undated and done tasks', async () => {
    const { store, deps } = await createHarness();
    const anna = saved(await store.create('person', person('Anna', 'Schmidt')));
    saved(await store.create('task', { description: 'Later call', recordId: anna.id, dueDate: '2026-12-09', timeZone: 'UTC' }));
    saved(await store.create('task', { description: 'Call Anna', recordId: anna.id, dueDate: '2026-12-07', dueTime: '10:00', timeZone: 'Europe/Berlin' }));
    saved(await store.create('task', { description: 'Some day' }));
    saved(await store.create('task', { description: 'Finished', doneAt: Date.parse('2026-12-01T10:00:00Z'), dueDate: '2026-12-01', timeZone: 'UTC' }));
    const reads = createTaskReads(deps);

    const due = await reads.dueTasks();
    expect(due.map((task) => task.fields.description)).toEqual(['Call Anna', 'Later call']);
    expect(due[0]?.record).toEqual({ id: anna.id, kind: 'person', title: 'Anna Schmidt' });
    expect((await reads.dueTasks(1)).map((task) => task.fields.description)).toEqual(['Call Anna']);

    const other = await reads.otherTasks();
    expect(other.map((task) => [task.fields.description, task.record])).toEqual([['Some day', null], ['Finished', null]]);

    expect(await reads.countDueBy(Date.parse('2026-12-08T00:00:00Z'))).toBe(1);
  });

  it('leaves out tasks that went to the trash with their record', async () => {
    const { store, deps } = await createHarness();
    const anna = saved(await store.create('person', person('Anna', 'Schmidt')));
    saved(await store.create('task', { description: 'Call Anna', recordId: anna.id, dueDate: '2026-12-07', timeZone: 'UTC' }));
    await store.remove(anna.id);
    const reads = createTaskReads(deps);
    expect(await reads.dueTasks()).toEqual([]);
    expect(await reads.otherTasks()).toEqual([]);
  });
});
