/**
 * activities.csv rows → raw fields of a logged conversation, plus the record it was with as
 * the row names it. When it happened is required: a cell that is blank or not an ISO 8601
 * time refuses the row, rather than log the conversation at some guessed moment.
 */
import { readNumber, readTimestamp } from './cells';
import type { FieldsOfFile } from './fields';
import { givenOnly, type RowCells } from './row-cells';
import type { Label } from './row-meta';
import type { RowNote } from './row-notes';
import type { LinkRef } from './activity-input';

export const ACTIVITY_LOG_SYNONYMS: readonly (readonly [FieldsOfFile['activities'], readonly (string | RegExp)[]])[] = [
  ['activityType', ['type', 'activitytype', 'kind', 'channel']],
  ['occurredAt', ['occurredat', 'occurred', 'date', 'when', 'datetime', 'time', 'activitydate']],
  ['durationMinutes', ['durationminutes', 'duration', 'minutes']],
  ['outcome', ['outcome', 'result']],
  ['summary', ['summary', 'notes', 'note', 'body', 'description', 'details', 'subject']],
  ['recordName', ['record', 'party', 'relatedto', 'regarding', 'contact', 'with', 'person', 'organisation', 'organization', 'company']],
];

export interface ActivityLogDraft {
  readonly input: Readonly<Record<string, unknown>>;
  readonly link: LinkRef | null;
  readonly problem: RowNote | null;
}

const linkRef = (id: string | undefined, name: string | undefined): LinkRef | null =>
  (id === undefined && name === undefined ? null : { id: id?.trim() || null, name: name?.trim() || null });

export const activityLogDraft = (cells: RowCells<'activities'>, label: Label): ActivityLogDraft => {
  const occurred = cells.text('occurredAt')?.trim() ?? '';
  // Blank reads as null, which the schema refuses as a missing time: never the epoch.
  const occurredAt = occurred === '' ? null : readTimestamp(occurred);
  const duration = cells.text('durationMinutes')?.trim();
  return {
    input: givenOnly({
      type: cells.text('activityType')?.trim().toLowerCase(),
      occurredAt,
      durationMinutes: duration === undefined ? undefined : duration === '' ? null : readNumber(duration),
      outcome: cells.text('outcome'),
      body: cells.text('summary'),
    }),
    link: linkRef(cells.text('recordId'), cells.text('recordName')),
    problem: occurred !== '' && occurredAt === null
      ? { type: 'not-a-time', column: label('occurredAt'), value: occurred.slice(0, 40), importTimeUsed: false }
      : null,
  };
};
