/**
 * activities.csv: one row per live logged conversation (call, meeting, email), in Locket's
 * own columns. The record it was with is written as its id and, for people to read, its
 * name, as notes.csv does; when it happened is an ISO 8601 UTC time.
 */
import type { LocketRecord, RecordId } from '../records/types';
import { timestampCell } from './cells';
import type { FieldsOfFile } from './fields';

export type ActivityRecord = LocketRecord<'activity'>;

/** columns.ts's CsvColumn<'activities'>, spelled out here so the two files do not import each other. */
interface ActivityColumn {
  readonly header: string;
  readonly field: FieldsOfFile['activities'];
  readonly doc: string;
  readonly read: (record: ActivityRecord, context: { readonly nameOf: (id: RecordId) => string | undefined }) => string;
}

export const ACTIVITY_COLUMNS: readonly ActivityColumn[] = [
  { header: 'Locket ID', field: 'id', doc: 'The conversation’s id.', read: (r) => r.id },
  { header: 'Type', field: 'activityType', doc: '`call`, `meeting` or `email`.', read: (r) => r.fields.type },
  { header: 'Record ID', field: 'recordId', doc: 'The Locket ID of the person, organisation, case or opportunity the conversation was with. Required.', read: (r) => r.fields.recordId },
  { header: 'Record', field: 'recordName', doc: 'That record’s name, for reading; import uses it only when there is no Record ID.', read: (r, c) => c.nameOf(r.fields.recordId) ?? '' },
  { header: 'Occurred At', field: 'occurredAt', doc: 'When it took place, ISO 8601 UTC. Required.', read: (r) => timestampCell(r.fields.occurredAt) },
  { header: 'Duration (minutes)', field: 'durationMinutes', doc: 'Whole minutes, or blank when not recorded.', read: (r) => (r.fields.durationMinutes === null ? '' : String(r.fields.durationMinutes)) },
  { header: 'Outcome', field: 'outcome', doc: 'A short outcome, such as “agreed a demo”.', read: (r) => r.fields.outcome },
  { header: 'Summary', field: 'summary', doc: 'What was said, line breaks and all.', read: (r) => r.fields.body },
  { header: 'Created', field: 'createdAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.createdAt) },
  { header: 'Updated', field: 'updatedAt', doc: 'ISO 8601 UTC.', read: (r) => timestampCell(r.updatedAt) },
];
