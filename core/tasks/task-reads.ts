/**
 * The Tasks view's reads. Dated open tasks come from the `due` index in due order, so the
 * first sections (overdue, today, next 7 days) paint without reading any other row; undated
 * and done tasks come after, from the tasks' part of the `list` index (never a full scan).
 * Each task carries its record's title, so a row names who it is about.
 */
import { titleOf } from '../records/display';
import type { RecordId, RecordKind, TaskFields } from '../records/types';
import { recordsFromRows } from '../db/record-rows';
import type { StoredRecord } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';
import { forEachIndexBatch } from '../db/index-batches';

export interface TaskRow {
  readonly id: RecordId;
  readonly updatedAt: number;
  readonly fields: TaskFields;
  /** The record the task is about; null for a task of its own or one whose record is gone. */
  readonly record: { readonly id: RecordId; readonly kind: RecordKind; readonly title: string } | null;
}

/** Done tasks shown: the most recently changed; older ones stay in the record's history. */
export const DONE_SHOWN = 200;

/**
 * Rows per read of a whole range: a view closed mid-read leaves the browser this many to finish
 * before the next page's database open (core/db/index-batches.ts).
 */
export const TASK_READ_BATCH = 500;

const TASK_RANGE = (): IDBKeyRange => IDBKeyRange.bound(['task', -Infinity], ['task', Infinity]);

export const createTaskReads = ({ db, codec }: Pick<StoreDeps, 'db' | 'codec'>) => {
  const rowsOf = async (rows: readonly StoredRecord[]): Promise<TaskRow[]> => {
    const tasks = await recordsFromRows(codec, rows);
    const recordIds = [...new Set(tasks.flatMap((task) => (task.kind === 'task' && task.fields.recordId ? [task.fields.recordId] : [])))];
    const tx = db.transaction('records');
    const owners = (await Promise.all(recordIds.map((id) => tx.store.get(id)))).filter((row): row is StoredRecord => row?.deletedAt === null);
    const titles = new Map((await recordsFromRows(codec, owners)).map((record) => [record.id, { id: record.id, kind: record.kind, title: titleOf(record) }]));
    return tasks.flatMap((task) => task.kind !== 'task' ? [] : [{
      id: task.id, updatedAt: task.updatedAt, fields: task.fields,
      record: task.fields.recordId ? titles.get(task.fields.recordId) ?? null : null,
    }]);
  };

  /** Every row of an index's range, read and decoded a batch at a time. */
  const allOf = async (index: 'due' | 'list', range: IDBKeyRange | null, keep: (row: StoredRecord) => boolean): Promise<TaskRow[]> => {
    const all: TaskRow[] = [];
    await forEachIndexBatch(db, index, range, TASK_READ_BATCH, async (rows) => { all.push(...await rowsOf(rows.filter(keep))); });
    return all;
  };

  return {
    /**
     * Open tasks with a due date, soonest first. With a `limit` (the first screen), one read of
     * the index's first `limit` keys, decoding only those tasks and their records.
     */
    dueTasks: async (limit?: number): Promise<TaskRow[]> => limit === undefined
      ? allOf('due', null, () => true)
      : rowsOf(await db.getAllFromIndex('records', 'due', null, limit)),
    /** Open tasks without a due date, and the most recently done ones. */
    otherTasks: async (): Promise<TaskRow[]> => {
      // A live task without a due key is undated or done; only its body tells which.
      const decoded = await allOf('list', TASK_RANGE(), (row) => row.dueKey === undefined);
      const open = decoded.filter((task) => task.fields.doneAt === null);
      const finished = decoded.filter((task) => task.fields.doneAt !== null)
        .sort((a, b) => (b.fields.doneAt ?? 0) - (a.fields.doneAt ?? 0)).slice(0, DONE_SHOWN);
      return [...open, ...finished];
    },
    /** Open tasks due at or before `until` (overdue and due-today counts): the index alone, no key needed. */
    countDueBy: (until: number): Promise<number> => db.countFromIndex('records', 'due', IDBKeyRange.upperBound(until)),
  };
};

export type TaskReads = ReturnType<typeof createTaskReads>;
