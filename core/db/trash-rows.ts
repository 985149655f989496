import { isDependentKind, type RecordId } from '../records/types';
import type { StoredRecord } from './rows';

/** The records' object store, in a readonly or a readwrite transaction. */
export interface RecordLookup {
  readonly get: (id: RecordId) => Promise<StoredRecord | undefined>;
  readonly index: (name: 'byLink') => { readonly getAll: (id: RecordId) => Promise<StoredRecord[]> };
}

/** The record a note, task or activity belongs to (each links to that one record only). */
export const noteTarget = (note: StoredRecord): RecordId | undefined => (isDependentKind(note.kind) ? note.links[0] : undefined);

/**
 * True for a note that went to the trash with its record: both trashed at the same moment.
 * Such a note is not listed in the trash; it is counted on its record and comes back with it.
 */
export const trashedWithTarget = (note: StoredRecord, target: StoredRecord | undefined): boolean =>
  isDependentKind(note.kind) && note.deletedAt !== null && target !== undefined && target.id === noteTarget(note)
  && target.deletedAt === note.deletedAt;

/** The trashed notes that went to the trash with `row`. */
export const notesTrashedWith = async (records: RecordLookup, row: StoredRecord): Promise<StoredRecord[]> => {
  if (isDependentKind(row.kind) || row.deletedAt === null) return [];
  const linked = await records.index('byLink').getAll(row.id);
  return linked.filter((other) => trashedWithTarget(other, row));
};

/** Who trashed a row; rows trashed before deletedBy existed were trashed by the owner. */
export const deletedByOf = (row: StoredRecord): string => row.deletedBy ?? 'owner';
