/**
 * Where the Tasks view's reads are answered. The first screen's rows (`dueTasks` with a limit
 * of at most PAGE_READ_LIMIT) are read on the page, over the connection its store already
 * holds: the first tasks show without waiting for the page's worker, a module of some 400 kB
 * that opens a connection of its own, migrates settings and starts sync before it answers
 * (about 0.8 s of the Tasks view's first row at 10,000 records). Every longer read goes to the
 * worker, off the page's thread. Both give the same rows (core/tasks/task-reads.ts).
 */
import type { TaskReads } from '../../core/tasks/task-reads';
import type { TasksWorkerApi } from '../../worker/contract';

/** The most rows the page reads and decodes itself: a screen and more, a few ms of decryption. */
export const PAGE_READ_LIMIT = 100;

export const routeTaskReads = (page: Pick<TaskReads, 'dueTasks'>, worker: TasksWorkerApi): TasksWorkerApi => ({
  dueTasks: async (limit) => (limit !== undefined && limit <= PAGE_READ_LIMIT ? page.dueTasks(limit) : worker.dueTasks(limit)),
  otherTasks: async () => worker.otherTasks(),
});
