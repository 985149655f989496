/** What an import writes, and what applying or undoing one reports. */
import type { RecordId, RecordKind } from '../records/types';
import type { FieldErrors } from '../records/field-problems';
import type { WriteFailure } from '../db/store-errors';
import type { AuditDraft } from '../audit/audit-log';

/**
 * One record of an import, as planned. Fields are validated again on the way in
 * (parseFields), so a plan built elsewhere can never write what a form would refuse; only
 * fields the plan's own parse returned in this realm are not parsed twice (checked-fields.ts).
 */
export type PlannedWrite =
  | {
    readonly op: 'create';
    readonly id: RecordId;
    readonly kind: RecordKind;
    readonly fields: unknown;
    readonly createdAt: number;
    readonly updatedAt: number;
  }
  /** `fields` are the record's whole fields after the update, not a patch. */
  | { readonly op: 'update'; readonly id: RecordId; readonly kind: RecordKind; readonly fields: unknown };

/**
 * A bulk change's item: `edit` gets the record's fields as read for the batch's transaction and
 * returns its whole fields after the change (or null to leave it as it is), so nothing written
 * since is lost.
 */
export interface PlannedEdit {
  readonly op: 'edit';
  readonly id: RecordId;
  readonly edit: (kind: RecordKind, fields: object) => object | null;
}

/** What a batch writes: an import's planned creates and updates, or a bulk change's edits. */
export type BatchItem = PlannedWrite | PlannedEdit;

/**
 * Why an item was refused before any write, as a code; the words live in
 * components/shared/messages/import-messages.ts.
 */
export type ImportItemRefusal =
  | { readonly type: 'invalid-fields'; readonly errors: FieldErrors }
  /** An update whose record no longer exists, or is in the trash. */
  | { readonly type: 'record-gone' };

export interface ImportItemProblem {
  /** Position in the list given to applyImport. */
  readonly index: number;
  readonly id: RecordId;
  readonly reason: ImportItemRefusal;
}

export interface ImportBatchReport {
  /** Records created or changed, in the transactions that committed. */
  readonly written: number;
  /** Items refused before any write (invalid fields; an update whose record is gone or in the trash). */
  readonly refused: readonly ImportItemProblem[];
  /**
   * Set when a transaction failed: nothing of it was written, the transactions before it
   * stay, and the items from `firstIndex` on were not written.
   */
  readonly failure: { readonly firstIndex: number; readonly notWritten: number; readonly reason: WriteFailure } | null;
}

/** Why an undo left a record as it is, as a code; the words live in import-messages.ts. */
export type UndoSkipReason =
  /** The change set was rewritten since (an erasure drops changes): the earlier values are gone. */
  | { readonly type: 'earlier-values-lost' }
  | { readonly type: 'deleted-since' }
  /** `undoing`: whether the import had updated the record or created it. */
  | { readonly type: 'changed-since'; readonly undoing: 'update' | 'create' }
  | { readonly type: 'linked-since' };

export interface UndoSkip {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly reason: UndoSkipReason;
}

export interface UndoImportReport {
  /** Records the import created, now removed for good. */
  readonly removed: number;
  /** Records the import updated, now holding their earlier fields again. */
  readonly restored: number;
  /** Records left as they are, each with the reason. */
  readonly skipped: readonly UndoSkip[];
}

/** A bulk change's batch id starts with this; an import's never does (it is a bare id). */
export const BULK_BATCH_PREFIX = 'bulk-';

/** Stages the audit entry a batch commits with its first write (import-started, bulk-change-started…). */
export type BatchStartEntry = (batchId: string, planned: number) => AuditDraft;

export interface ImportBatchStore {
  /**
   * Writes the items in transactions of about a thousand, each with one change set that
   * carries `batchId` and, for updates, the fields' previous values. Stops at the first
   * transaction that fails; `onProgress` gets the number of items handled so far.
   */
  readonly applyImport: (
    batchId: string, items: readonly PlannedWrite[], onProgress?: (handled: number) => void,
  ) => Promise<ImportBatchReport>;
  /** Removes what the batch created and restores what it updated, unless changed since. */
  readonly undoImport: (batchId: string) => Promise<UndoImportReport>;
}

/**
 * The one batch mechanism imports and bulk changes share: a batch is written in transactions of
 * about a thousand, each one change set tagged with `batchId` (updates carry their previous
 * values), the first committing `startEntry`'s audit entry; undoBatch undoes it as one.
 */
export interface BatchWrites {
  readonly applyBatch: (
    batchId: string, items: readonly BatchItem[], startEntry: BatchStartEntry, onProgress?: (handled: number) => void,
  ) => Promise<ImportBatchReport>;
  /** As undoImport; the first step that writes commits `startEntry`'s entry. */
  readonly undoBatch: (batchId: string, startEntry: (batchId: string) => AuditDraft) => Promise<UndoImportReport>;
}

/** One past import as the recent-imports list shows it. */
export interface ImportBatchSummary {
  readonly batchId: string;
  /** Wall time (ms) of the import's first change set. */
  readonly importedAt: number;
  /** Records the import created. */
  readonly created: number;
  /** Records the import updated. */
  readonly updated: number;
  /** True once an undo has written change sets for this batch. */
  readonly undone: boolean;
}

/** Every import in the change log, newest first. */
export type ListImports = () => Promise<ImportBatchSummary[]>;

/** Imports as the owner works them: apply a planned batch, undo it, list past ones. */
export interface ImportStore extends ImportBatchStore {
  /** Past imports, newest first, with their counts and whether they were undone. */
  readonly listImports: ListImports;
}
