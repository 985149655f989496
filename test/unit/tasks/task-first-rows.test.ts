import { describe, expect, it } from 'vitest';
import type { LocketDatabase } from '../../../core/db/schema';
import { createTaskReads, TASK_READ_BATCH } from '../../../core/tasks/task-reads';
import { PAGE_READ_LIMIT, routeTaskReads } from '../../../platform/page-services/tasks-route';
import type { TasksWorkerApi } from '../../../worker/contract';
import { countingCodec, createHarness, person, saved } from '../store/harness';

/** The database, counting the rows each index read hands back, and the largest of them. */
const countingDb = (db: LocketDatabase) => {
  const reads: number[] = [];
  const counted = new Proxy(db, {
    get: (target, name) => {
      const value: unknown = Reflect.get(target, name, target);
      if (name !== 'getAllFromIndex' && name !== 'getAll') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const rows = await (value as (...a: unknown[]) => Promise<unknown[]>).apply(target, args);
        reads.push(rows.length);
        return rows;
      };
    },
  });
  return { db: counted, rowsRead: () => reads.reduce((sum, count) => sum + count, 0), largestRead: () => Math.max(0, ...reads), reset: () => { reads.length = 0; } };
};

/** Two people and `count` dated open tasks about them, due a day apart, and `undated` without a date. */
const seeded = async (count: number, undated = 0) => {
  const counting = countingCodec();
  const harness = await createHarness({}, counting.codec);
  const { store } = harness;
  const anna = saved(await store.create('person', person('Anna', 'Schmidt')));
  const ben = saved(await store.create('person', person('Ben', 'Weber')));
  const day = (index: number) => new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  await store.insertMany('task', Array.from({ length: count }, (_, index) => ({
    description: `Task ${index}`, recordId: index % 2 === 0 ? anna.id : ben.id, dueDate: day(index % 40), timeZone: 'UTC',
  })));
  await store.insertMany('task', Array.from({ length: undated }, (_, index) => ({ description: `Some day ${index}` })));
  counting.reset();
  return { ...harness, counting };
};

describe('the Tasks view\'s first rows', () => {
  it('read only the due index\'s first rows, and decode only those tasks and the records they are about', async () => {
    const { deps, counting } = await seeded(300);
    const db = countingDb(deps.db);
    const first = await createTaskReads({ db: db.db, codec: deps.codec }).dueTasks(PAGE_READ_LIMIT);
    expect(first).toHaveLength(PAGE_READ_LIMIT);
    expect(first[0]?.record?.title).toBe('Anna Schmidt');
    expect(db.rowsRead()).toBe(PAGE_READ_LIMIT);
    // The tasks, and Anna and Ben once each: not the other 200 tasks.
    expect(counting.decoded()).toBe(PAGE_READ_LIMIT + 2);
  });

  it('come from the page while the worker has not answered yet; longer reads go to the worker', async () => {
    const { deps } = await seeded(120);
    const asked: string[] = [];
    const silentWorker: TasksWorkerApi = {
      dueTasks: (limit) => { asked.push(`dueTasks(${String(limit)})`); return new Promise(() => undefined); },
      otherTasks: () => { asked.push('otherTasks()'); return new Promise(() => undefined); },
    };
    const tasks = routeTaskReads(createTaskReads(deps), silentWorker);
    const first = await tasks.dueTasks(PAGE_READ_LIMIT);
    expect(first.map((task) => task.fields.description)).toEqual(
      (await createTaskReads(deps).dueTasks()).slice(0, PAGE_READ_LIMIT).map((task) => task.fields.description),
    );
    expect(asked).toEqual([]);
    void tasks.dueTasks();
    void tasks.otherTasks();
    expect(asked).toEqual(['dueTasks(undefined)', 'otherTasks()']);
  });

  it('and every task after them, read a batch at a time: no read of the whole range holds the database at once', async () => {
    const { deps } = await seeded(TASK_READ_BATCH + 30, TASK_READ_BATCH + 10);
    const db = countingDb(deps.db);
    const reads = createTaskReads({ db: db.db, codec: deps.codec });
    const due = await reads.dueTasks();
    expect(due).toHaveLength(TASK_READ_BATCH + 30);
    expect(due.map((task) => task.fields.dueDate)).toEqual(due.map((task) => task.fields.dueDate).toSorted());
    expect(new Set(due.map((task) => task.id)).size).toBe(due.length);
    expect(await reads.otherTasks()).toHaveLength(TASK_READ_BATCH + 10);
    expect(db.largestRead()).toBeLessThanOrEqual(TASK_READ_BATCH);
  });
});
