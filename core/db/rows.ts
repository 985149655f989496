import type { EncodedValue } from '../codec';
import type { RecordId, RecordKind } from '../records/types';
import type { SETTINGS_KIND } from '../team/roles';
import type { TaskDue } from '../tasks/due-instant';

/** What a row in the `records` object store holds. Only what an index needs is outside `body`. */
export interface StoredRecord {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
  /** [kind, updatedAt] while the record is live; absent in the trash, so lists skip it. */
  readonly listKey?: readonly [RecordKind, number];
  /** An open task's due instant and reminder time, in the clear so reminders need no key (core/tasks/due-instant.ts). */
  readonly due?: TaskDue;
  /** `due.at` while the record is live; absent in the trash, so the `due` index holds only live open tasks. */
  readonly dueKey?: number;
  /** `due.remindAt` while live: the `remind` index the background schedules alarms from. */
  readonly remindKey?: number;
  /** Ids of the records this one points at (organisation, party, parent record). */
  readonly links: readonly RecordId[];
  readonly body: EncodedValue;
  /** Who moved it to the trash (the change log's author id); set with deletedAt, cleared on restore. */
  readonly deletedBy?: string;
  /**
   * The HLC of the change set that last wrote each field (and `deletedAt`), so merging a remote
   * set is per-field last-writer-wins. Field names only, in the clear like the change log's
   * `changed`; never values. Absent on rows written before sync existed: see fieldClockOf.
   */
  readonly fieldClocks?: Readonly<Record<string, string>>;
  /** Fields whose concurrent edit from another device lost (a note's text): the UI offers to compare. Names only. */
  readonly conflictedFields?: readonly string[];
  /** Per flagged text field: the clock its winning edit replaced, and the greatest clock that lost (replica/merge.ts). */
  readonly textClocks?: Readonly<Record<string, { readonly basis: string; readonly rival: string }>>;
}

/**
 * `restore` brings a record back from the trash; `purge` removes it for good. A purge set's
 * values are plain empty objects: it carries no field values, so a sweep writes it without the key.
 * `erase` is an erasure's id-only set: it tells other devices to erase too; its items name the
 * ids by their keyed hash (audit/hash.ts), as its tombstones in `purged` do; the ids themselves
 * are kept only sealed in its outbox row, and only while a relay has yet to acknowledge the set.
 */
export type ChangeOp = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'erase';

/** A purge or erasure set: no values, nothing of a record's history. */
export const isTerminalOp = (op: ChangeOp): boolean => op === 'purge' || op === 'erase';

/** One row of the `outbox`: a local set waiting for (or kept after) its push. Position is the store's key. */
export interface OutboxRow {
  readonly setId: string;
  /** Assigned when first handed out for pushing; contiguous per device. */
  readonly clientSeq?: number;
  /**
   * An erase set's plain ids and kinds, sealed by the codec (erasedIdsAad): written only while
   * this device has a sync identity, and dropped once the relay acknowledged the set.
   */
  readonly erased?: EncodedValue;
}

/**
 * An id-only tombstone: the id was purged or erased, by the set `setId`; nothing re-delivered
 * brings it back. An erased id is kept only as its keyed hash (audit/hash.ts idHash), never itself.
 */
export interface PurgedRow {
  readonly recordId: RecordId;
  readonly kind: RecordKind;
  readonly setId: string;
  readonly op: 'purge' | 'erase';
}

/**
 * What a change set's item is about: a record, or a group of team settings (settings/team-settings.ts),
 * which travels like a record but is never listed, searched, trashed or exported.
 */
export type ChangeKind = RecordKind | typeof SETTINGS_KIND;

/** One record's part of a change set, in the clear: ids, kinds, ops and field names, never values. */
export interface ChangeSetItem {
  readonly recordId: RecordId;
  readonly kind: ChangeKind;
  readonly op: ChangeOp;
  /** Names of the fields that changed. */
  readonly changed: readonly string[];
}

/** A change to a record; imports, merges, purges and a record's history only ever hold these. */
export type RecordChangeItem = ChangeSetItem & { readonly kind: RecordKind };

export const isRecordChange = (change: ChangeSetItem): change is RecordChangeItem => change.kind !== 'settings';

/**
 * One row of the change log: every change one write transaction made, written in that same
 * transaction. One HLC tick per set; within a set, the order is the order of `changes`.
 */
export interface StoredChangeSet {
  /** Hybrid logical clock timestamp; unique and sortable, so it is the key. */
  readonly hlc: string;
  readonly deviceId: string;
  readonly author: string;
  readonly changes: readonly ChangeSetItem[];
  /**
   * One codec value for the whole set: an array aligned with `changes`, each element an
   * object of that change's changed fields and their new values (all fields on create).
   */
  readonly values: EncodedValue;
  /** The distinct record ids of `changes`; multiEntry-indexed so a record's history is one index read. */
  readonly recordIds: readonly RecordId[];
  /** The import this set wrote (indexed as byBatch); absent for every other write. */
  readonly batchId?: string;
  /** An import set's previous values, aligned with `changes`: the changed fields' earlier values for updates, null for creates. */
  readonly previous?: EncodedValue;
  /** The import batch this set undoes. */
  readonly undoOf?: string;
}
