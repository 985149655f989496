/** Bulk changes on a selection: what the owner asks, what it reports, and how past ones are listed. */
import type { WriteFailure } from '../db/store-errors';
import type { RecordId } from '../records/types';
import type { UndoImportReport } from '../imports/import-batch-types';

/** Fields a bulk change may set, each on the kinds that have it (the others are left as they are). */
export const BULK_FIELDS = ['owner', 'status', 'jobTitle', 'organisationId'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

export type BulkAction =
  | { readonly type: 'add-tag'; readonly tag: string }
  | { readonly type: 'remove-tag'; readonly tag: string }
  /** Renames a tag; where the record already carries `to`, the two merge into one. */
  | { readonly type: 'rename-tag'; readonly from: string; readonly to: string }
  /**
   * `lostReason` goes with status `lost` on opportunities: the reason each one takes. Any other
   * status clears an opportunity's reason, as marking it won on the board does.
   */
  | { readonly type: 'set-field'; readonly field: BulkField; readonly value: string | null; readonly lostReason?: string }
  | { readonly type: 'trash' };

export interface BulkReport {
  /** The batch to undo; null when nothing was written (nothing to change, or a failure undone). */
  readonly batchId: string | null;
  /** Records changed (or moved to the trash). */
  readonly changed: number;
  /** Records left as they were: already so, gone, or refused by validation. */
  readonly unchanged: number;
  /**
   * Set when a transaction failed: what the transactions before it wrote was undone again,
   * so the selection is as it was.
   */
  readonly failure: WriteFailure | null;
}

/** One past bulk change, as the history shows it. */
export interface BulkChangeSummary {
  readonly batchId: string;
  /** Wall time (ms) of its first change set. */
  readonly at: number;
  /** The change, read back from its (encrypted) change sets. */
  readonly action: BulkAction;
  readonly count: number;
  readonly undone: boolean;
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/** Bulk changes as the owner works them. Each is one batch in the change log, undone as one. */
export interface BulkStore {
  /** Applies `action` to the live records among `ids`, in transactions of about a thousand. */
  readonly applyBulk: (ids: readonly RecordId[], action: BulkAction, onProgress?: (handled: number) => void) => Promise<BulkReport>;
  readonly undoBulk: (batchId: string) => Promise<UndoImportReport>;
  /** Past bulk changes, newest first. */
  readonly listBulkChanges: () => Promise<BulkChangeSummary[]>;
  /** Every tag on a live record with how many carry it, by name. */
  readonly tagCounts: () => Promise<TagCount[]>;
  /** Renames `from` to `to` on every live record carrying it (a merge when `to` exists): one bulk change. */
  readonly renameTag: (from: string, to: string) => Promise<BulkReport>;
}
