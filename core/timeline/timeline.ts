/**
 * A record's history as one list, newest first: notes (a capture is a note with its source),
 * logged conversations, completed tasks, and field changes read from the change log. Pure:
 * the caller reads the linked records and the record's changes; words are the page's.
 */
import { parseHlc } from '../hlc';
import type { ChangeEntry } from '../record-store/contract';
import type { ActivityType, LocketRecord, RecordId } from '../records/types';

export const TIMELINE_PAGE_SIZE = 50;

interface EntryBase {
  /** Unique within one timeline: a record id, or a change's set and field. */
  readonly key: string;
  /** When it happened (ms since epoch): the entry's place in the list. */
  readonly at: number;
}

export type TimelineEntry = EntryBase & (
  | { readonly type: 'note'; readonly id: RecordId; readonly body: string; readonly sourceUrl: string | null }
  | {
    readonly type: 'activity'; readonly id: RecordId; readonly activity: ActivityType;
    readonly durationMinutes: number | null; readonly outcome: string; readonly body: string;
  }
  | { readonly type: 'task-done'; readonly id: RecordId; readonly description: string; readonly category: string }
  | {
    readonly type: 'field-change'; readonly field: string;
    /** undefined when the change log holds no earlier value (the record came from elsewhere, or before history). */
    readonly before: unknown; readonly after: unknown;
    /** Who wrote it: the set's device and author, for the page to name. */
    readonly deviceId: string; readonly author: string;
  }
);

/** The entries the records that belong to this one give: notes, conversations, done tasks. */
export const dependentEntries = (linked: readonly LocketRecord[], recordId: RecordId): TimelineEntry[] => {
  const entries: TimelineEntry[] = [];
  for (const record of linked) {
    if (record.deletedAt !== null) continue;
    if (record.kind === 'note' && record.fields.recordId === recordId) {
      entries.push({ type: 'note', key: record.id, id: record.id, at: record.fields.capturedAt ?? record.createdAt, body: record.fields.body, sourceUrl: record.fields.sourceUrl });
    } else if (record.kind === 'activity' && record.fields.recordId === recordId) {
      const f = record.fields;
      entries.push({ type: 'activity', key: record.id, id: record.id, at: f.occurredAt, activity: f.type, durationMinutes: f.durationMinutes, outcome: f.outcome, body: f.body });
    } else if (record.kind === 'task' && record.fields.recordId === recordId && record.fields.doneAt !== null) {
      entries.push({ type: 'task-done', key: record.id, id: record.id, at: record.fields.doneAt, description: record.fields.description, category: record.fields.category });
    }
  }
  return entries;
};

/**
 * Field changes from the record's changes (oldest first, as the store gives them): each
 * update's changed fields with the value before (carried forward from the create and the
 * updates before it) and after. The create itself is not a change of a field.
 */
export const fieldChangeEntries = (changes: readonly ChangeEntry[]): TimelineEntry[] => {
  const state = new Map<string, unknown>();
  const entries: TimelineEntry[] = [];
  for (const change of changes) {
    const at = parseHlc(change.hlc)?.wallMs ?? 0;
    for (const field of change.changed) {
      if (!Object.hasOwn(change.values, field)) continue;
      const after = change.values[field];
      if (change.op === 'update') {
        entries.push({ type: 'field-change', key: `${change.hlc}/${field}`, at, field, before: state.get(field), after, deviceId: change.deviceId, author: change.author });
      }
      state.set(field, after);
    }
  }
  return entries;
};

export const newestFirst = (a: TimelineEntry, b: TimelineEntry): number =>
  b.at - a.at || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);

/** The whole timeline of `recordId`, newest first; ties keep a stable order (by key, descending). */
export const buildTimeline = (recordId: RecordId, linked: readonly LocketRecord[], changes: readonly ChangeEntry[]): TimelineEntry[] =>
  [...dependentEntries(linked, recordId), ...fieldChangeEntries(changes)].sort(newestFirst);

export interface TimelinePage {
  readonly entries: readonly TimelineEntry[];
  readonly total: number;
  /** Where the next page starts; null when this is the last. */
  readonly next: number | null;
}

/** One page of a timeline; offsets and sizes that are not whole and non-negative read as 0 and a page's size. */
export const timelinePage = (timeline: readonly TimelineEntry[], offset: number, size = TIMELINE_PAGE_SIZE): TimelinePage => {
  const start = Number.isInteger(offset) && offset > 0 ? offset : 0;
  const count = Number.isInteger(size) && size > 0 ? size : TIMELINE_PAGE_SIZE;
  const entries = timeline.slice(start, start + count);
  const end = start + entries.length;
  return { entries, total: timeline.length, next: end < timeline.length ? end : null };
};
