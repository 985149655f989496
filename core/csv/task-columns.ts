/**
 * tasks.csv: one row per live task, in Locket's own columns. A task's record is written as
 * its id and, for people to read, its name, as notes.csv does; a task of its own leaves
 * both blank. Due date and time stay as the wall clock of the task's zone, with the zone
 * beside them, so a file read in another zone means the same moment.
 */
import type { LocketRecord, RecordId } from '../records/types';
import { timestampCell } from './cells';
import type { FieldsOfFile } from './fields';

export type TaskRecord = LocketRecord<'task'>;

/** columns.ts's CsvColumn<'tasks'>, spelled out here so the two files do not import each other. */
interface TaskColumn {
  readonly header: string;
  readonly field: FieldsOfFile['tasks'];
  readonly doc: string;
  readonly read: (record: TaskRecord, context: { readonly nameOf: (id: RecordId) => string | undefined }) => string;
}

const recordName = (id: RecordId | null, context: { readonly nameOf: (id: RecordId) => string | undefined }): string =>
  (id ? context.nameOf(id) ?? '' : '');

export const TASK_COLUMNS: readonly TaskColumn[] = [
  { header: 'Locket ID', field: 'id', doc: 'The task’s id.', read: (r) => r.id },
  { header: 'Description', field: 'description', doc: 'What is to be done. Required.', read: (r) => r.fields.description },
  { header: 'Record ID', field: 'recordId', doc: 'The Locket ID of the person, organisation, case or opportunity the task is about; blank for a task of its own.', read: (r) => r.fields.recordId ?? '' },
  { header: 'Record', field: 'recordName', doc: 'That record’s name, for reading; import uses it only when there is no Record ID.', read: (r, c) => recordName(r.fields.recordId, c) },
  { header: 'Due Date', field: 'dueDate', doc: 'YYYY-MM-DD in the task’s time zone, or blank.', read: (r) => r.fields.dueDate ?? '' },
  { header: 'Due Time', field: 'dueTime', doc: 'HH:MM (24-hour) in the task’s time zone, or blank for any time that day.', read: (r) => r.fields.dueTime ?? '' },
  { header: 'Time Zone', field: 'timeZone', doc: 'The IANA zone the due date and time are in, such as Europe/Berlin; blank reads as UTC.', read: (r) => r.fields.timeZone },
  { header: 'Category', field: 'category', doc: '`call`, `email`, `meeting`, `follow-up`, a word of the owner’s own, or blank.', read: (r) => r.fields.category },
  { header: 'Assignee', field: 'assignee', doc: 'Who does it.', read: (r) => r.fields.assignee },
  { header: 'Done At', field: 'doneAt', doc: 'When it was marked done, ISO 8601 UTC; blank while open.', read: (r) => timestampCell(r.fields.doneAt) },
  { header: 'Track ID', field: 'trackId', doc: 'The id of the track the task was made from, or blank.', read: (r) => r.fields.trackId ?? '' },
  { header: 'Created', field: 'createdAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];
