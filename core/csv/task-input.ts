/**
 * tasks.csv rows → raw task fields, from Locket's own file or another tool's task export
 * (Capsule writes "Description", "Due Date", "Due Time", "Category", "Owner"/"Assigned To",
 * "Status" Open/Completed, "Completed On", and the party as "Party"/"Related To"). As with
 * the other files, `input` holds only what the row speaks to.
 */
import { TASK_CATEGORIES } from '../records/types';
import { readTimestamp } from './cells';
import type { FieldsOfFile } from './fields';
import { givenOnly, type RowCells } from './row-cells';
import type { Label, RowMeta } from './row-meta';
import type { RowNote } from './row-notes';
import type { LinkRef } from './activity-input';

export const TASK_SYNONYMS: readonly (readonly [FieldsOfFile['tasks'], readonly (string | RegExp)[]])[] = [
  ['description', ['description', 'task', 'taskdescription', 'subject', 'title', 'name']],
  ['dueDate', ['duedate', 'due', 'dueon', 'date']],
  ['dueTime', ['duetime', 'time']],
  ['timeZone', ['timezone', 'zone', 'tz']],
  ['category', ['category', 'type', 'tasktype', 'taskcategory']],
  ['assignee', ['assignee', 'assignedto', 'owner', 'user', 'responsible']],
  ['status', ['status', 'state']],
  ['doneAt', ['completedon', 'completedat', 'completed', 'completeddate', 'doneat', 'doneon', 'datecompleted']],
  ['recordName', ['party', 'relatedto', 'regarding', 'contact', 'record', 'organisation', 'organization', 'company', 'opportunity', 'case', 'project']],
];

/** What other tools write in a task's status once it is done; anything else reads as open. */
const DONE_STATUSES: ReadonlySet<string> = new Set(['completed', 'complete', 'done', 'closed', 'finished']);

/** What the planner knows about the import itself, for what a row leaves out. */
export interface TaskImportDefaults {
  /** The zone other tools' due dates are read in: the device's, as their screens showed them. */
  readonly timeZone: string;
  /** The import's time: when a task marked done without a completion time counts as done. */
  readonly now: number;
}

export interface TaskDraft {
  readonly input: Readonly<Record<string, unknown>>;
  readonly link: LinkRef | null;
  readonly problem: RowNote | null;
}

const DATE_THEN_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const TWELVE_HOUR = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])\.?m\.?$/i;

/** "9:05", "09:05:00" and "9:05 pm" → "09:05" / "21:05"; anything else goes to the schema as typed. */
const readDueTime = (cell: string): string => {
  const trimmed = cell.trim();
  const twelve = TWELVE_HOUR.exec(trimmed);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + ((twelve[3] ?? '').toLowerCase() === 'p' ? 12 : 0);
    return `${String(hour).padStart(2, '0')}:${twelve[2] ?? ''}`;
  }
  const plain = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(trimmed);
  return plain ? `${(plain[1] ?? '').padStart(2, '0')}:${plain[2] ?? ''}` : trimmed;
};

/** Other tools may write the due date and time in one cell ("2026-03-02 14:30"). */
const splitDue = (dateCell: string | undefined, timeCell: string | undefined) => {
  const match = dateCell === undefined ? null : DATE_THEN_TIME.exec(dateCell.trim());
  const dueDate = match ? match[1] : dateCell;
  const time = timeCell?.trim() ? timeCell : match?.[2];
  return { dueDate, dueTime: time === undefined ? timeCell : readDueTime(time) };
};

const categoryOf = (cell: string | undefined): string | undefined => {
  const lower = cell?.trim().toLowerCase();
  return lower !== undefined && (TASK_CATEGORIES as readonly string[]).includes(lower) ? lower : cell?.trim();
};

const linkRef = (id: string | undefined, name: string | undefined): LinkRef | null =>
  (id === undefined && name === undefined ? null : { id: id?.trim() || null, name: name?.trim() || null });

export const taskDraft = (cells: RowCells<'tasks'>, meta: RowMeta, label: Label, defaults: TaskImportDefaults): TaskDraft => {
  const done = cells.text('doneAt')?.trim() ?? '';
  const doneAt = done === '' ? null : readTimestamp(done);
  const markedDone = DONE_STATUSES.has(cells.text('status')?.trim().toLowerCase() ?? '');
  const other = cells.format === 'other';
  const due = splitDue(cells.text('dueDate'), cells.text('dueTime'));
  return {
    input: givenOnly({
      description: cells.text('description'),
      dueDate: due.dueDate,
      dueTime: due.dueTime,
      timeZone: cells.text('timeZone') ?? (other ? defaults.timeZone : undefined),
      category: categoryOf(cells.text('category')),
      assignee: cells.text('assignee'),
      doneAt: doneAt ?? (markedDone ? meta.updatedAt ?? defaults.now : done === '' && cells.text('doneAt') !== undefined ? null : undefined),
      trackId: cells.text('trackId'),
    }),
    link: linkRef(cells.text('recordId'), cells.text('recordName')),
    problem: done !== '' && doneAt === null
      ? { type: 'not-a-time', column: label('doneAt'), value: done.slice(0, 40), importTimeUsed: false }
      : null,
  };
};
