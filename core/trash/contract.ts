import type { PurgeReport } from '../purge/contract';
import type { Result } from '../result';
import type { LocketRecord, RecordId } from '../records/types';

/** One line of the trash view: a trashed record (deletedAt set), who deleted it, and the notes that went with it. */
export interface TrashItem {
  readonly record: LocketRecord;
  readonly deletedBy: string;
  readonly notes: number;
}

/** Why a record cannot come back from the trash; the words live in components/shared/messages/trash-messages.ts. */
export type TrashRestoreRefusal =
  /** Deleted for good since the trash was shown. */
  | { readonly type: 'purged' }
  | { readonly type: 'not-in-trash' }
  /** A note whose record is still in the trash. */
  | { readonly type: 'owner-in-trash' };

/** The trash as the owner works it: move many in, list, restore, delete forever, empty. */
export interface TrashStore {
  /** Moves many live records (and their notes) to the trash, about a thousand per transaction; returns how many records moved. */
  readonly removeMany: (ids: readonly RecordId[]) => Promise<number>;
  /** Trashed records shown in the trash view (notes that went with their record are counted on it, not listed). */
  readonly trashCount: () => Promise<number>;
  /** The trash view, most recently deleted first. */
  readonly trashPage: (offset: number, limit: number) => Promise<TrashItem[]>;
  /**
   * Brings a trashed record back with the notes that went with it (links were never removed).
   * Refuses, with a message for the owner, a record that is not in the trash or a note whose record still is.
   */
  readonly restore: (id: RecordId) => Promise<Result<LocketRecord, TrashRestoreRefusal>>;
  /** Purges these trashed records (and the notes that went with them) now; live ids are left alone. */
  readonly deleteForever: (ids: readonly RecordId[]) => Promise<PurgeReport>;
  /** Purges everything in the trash now. */
  readonly emptyTrash: () => Promise<PurgeReport>;
}
