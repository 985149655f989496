import type { AuditLog } from '../audit/audit-log';
import type { EncodedValue } from '../codec';
import type {
  FieldErrors, FieldsByKind, ListedKind, LocketRecord, RecordId, RecordKind, Result,
} from '../records/types';
import type { EraseOptions, ErasureReceipt } from '../erasure/erase';
import type { ImportBatchStore, ListImports } from '../imports/import-batch-types';

/** What a row in the `records` object store holds. Only what an index needs is outside `body`. */
export interface StoredRecord {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
  /** [kind, updatedAt] while the record is live; absent in the trash, so lists skip it. */
  readonly listKey?: readonly [RecordKind, number];
  /** Ids of the records this one points at (organisation, party, parent record). */
  readonly links: readonly RecordId[];
  readonly body: EncodedValue;
  /** Who moved it to the trash (the change log's author id); set with deletedAt, cleared on restore. */
  readonly deletedBy?: string;
}

/**
 * `restore` brings a record back from the trash; `purge` removes it for good. A purge set's
 * values are plain empty objects: it carries no field values, so a sweep writes it without the key.
 */
export type ChangeOp = 'create' | 'update' | 'delete' | 'restore' | 'purge';

/** One record's part of a change set, in the clear: ids, kinds, ops and field names, never values. */
export interface ChangeSetItem {
  readonly recordId: RecordId;
  readonly kind: RecordKind;
  readonly op: ChangeOp;
  /** Names of the fields that changed. */
  readonly changed: readonly string[];
}

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

/** One record's change as callers read it: the set's stamp and origin, the values decoded. */
export interface ChangeEntry {
  readonly hlc: string;
  readonly recordId: RecordId;
  readonly kind: RecordKind;
  readonly op: ChangeOp;
  readonly changed: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
  readonly deviceId: string;
  readonly author: string;
}

export interface Settings {
  readonly ownerName: string;
  /** '' until the account is created. */
  readonly ownerEmail: string;
  /** ISO 4217 code used for new opportunities. */
  readonly defaultCurrency: string;
}

export type SaveResult<K extends RecordKind> = Result<LocketRecord<K>, FieldErrors>;

/** One line of the trash view: a trashed record (deletedAt set), who deleted it, and the notes that went with it. */
export interface TrashItem {
  readonly record: LocketRecord;
  readonly deletedBy: string;
  readonly notes: number;
}

/** What a purge removed for good. */
export interface PurgeReport {
  readonly purged: Readonly<Partial<Record<RecordKind, number>>>;
  /** Change sets removed whole because every change in them was about purged records. */
  readonly changeSetsDeleted: number;
  /** Change sets rewritten without the purged records' values (needs the key). */
  readonly changeSetsRewritten: number;
}

export interface BulkInsertReport {
  readonly inserted: number;
  /** Rows refused by validation, by their position in the input. Nothing of them is written. */
  readonly invalid: readonly { readonly index: number; readonly errors: FieldErrors }[];
}

/**
 * The one module every write goes through. Every write validates first, then writes its
 * records and one change set in one transaction, then announces the change to every
 * open surface. A write that fails validation writes nothing.
 */
export interface LocketStore {
  readonly create: <K extends RecordKind>(kind: K, input: unknown) => Promise<SaveResult<K>>;
  /** Merges `patch` into the current fields and validates the whole. */
  readonly update: <K extends RecordKind>(id: RecordId, kind: K, patch: unknown) => Promise<SaveResult<K>>;
  /** Moves the record to the trash (sets deletedAt); its notes go with it. */
  readonly remove: (id: RecordId) => Promise<void>;
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
  readonly restore: (id: RecordId) => Promise<Result<LocketRecord, string>>;
  /** Purges these trashed records (and the notes that went with them) now; live ids are left alone. */
  readonly deleteForever: (ids: readonly RecordId[]) => Promise<PurgeReport>;
  /** Purges everything in the trash now. */
  readonly emptyTrash: () => Promise<PurgeReport>;
  readonly get: (id: RecordId) => Promise<LocketRecord | undefined>;
  readonly getMany: (ids: readonly RecordId[]) => Promise<LocketRecord[]>;
  /** Live records of a kind. */
  readonly count: (kind: ListedKind) => Promise<number>;
  /** Live records of a kind, most recently updated first. */
  readonly page: (kind: ListedKind, offset: number, limit: number) => Promise<LocketRecord[]>;
  /** Live records that link to `id` (an organisation's people, cases, opportunities, notes). */
  readonly linkedTo: (id: RecordId) => Promise<LocketRecord[]>;
  /** The most recently touched live records of the listed kinds. */
  readonly recent: (limit: number) => Promise<LocketRecord[]>;
  /** Validates every input, then writes the valid ones in transactions of about a thousand. */
  readonly insertMany: <K extends RecordKind>(kind: K, inputs: readonly unknown[]) => Promise<BulkInsertReport>;
  /** Visits every live record in pages (getAll by key range, never one cursor over all). */
  readonly forEachBatch: (batchSize: number, visit: (records: readonly LocketRecord[]) => void | Promise<void>) => Promise<void>;
  /** The record's changes, oldest first (by set hlc, then by position within the set). */
  readonly changesFor: (id: RecordId) => Promise<ChangeEntry[]>;
  readonly getSettings: () => Promise<Settings>;
  /** Merges the given fields onto the current settings and validates the whole. */
  readonly saveSettings: (patch: unknown) => Promise<Result<Settings, FieldErrors>>;
  /** Erases a person, their notes, their links and their values in the change log; leaves an audit receipt (erase.ts). */
  readonly erase: (personId: RecordId, options: EraseOptions) => Promise<ErasureReceipt>;
  /** The hash-chained audit log of this account. */
  readonly audit: AuditLog;
  /** How the audit log names this record: a hash keyed by the audit key, never the id. */
  readonly auditIdHash: (id: RecordId) => Promise<string>;
  /** True when an erased person with this email was suppressed (case and surrounding space ignored). */
  readonly isSuppressed: (email: string) => Promise<boolean>;
  /** The suppression list read once, for checking many emails (an import). */
  readonly suppressionCheck: () => Promise<(email: string) => Promise<boolean>>;
  readonly applyImport: ImportBatchStore['applyImport'];
  readonly undoImport: ImportBatchStore['undoImport'];
  /** Past imports, newest first, with their counts and whether they were undone. */
  readonly listImports: ListImports;
  readonly close: () => void;
}

export type { FieldsByKind };
export type { EraseOptions, ErasureReceipt } from '../erasure/erase';
