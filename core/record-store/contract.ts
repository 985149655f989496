import type { ChangeOp } from '../db/rows';
import type { Result } from '../result';
import type { ListedKind, LocketRecord, RecordId, RecordKind } from '../records/types';
import type { FieldErrors } from '../records/field-problems';
import type { RecordAttribution } from '../db/attribution';
import type { StoredRecord } from '../db/rows';

/** A test on what a stored row shows in the clear (kind, times, links), made before it is decrypted. */
export type ClearRowTest = (row: Pick<StoredRecord, 'id' | 'kind' | 'createdAt' | 'updatedAt' | 'links'>) => boolean;

export type SaveResult<K extends RecordKind> = Result<LocketRecord<K>, FieldErrors>;

export interface BulkInsertReport {
  readonly inserted: number;
  /** Rows refused by validation, by their position in the input. Nothing of them is written. */
  readonly invalid: readonly { readonly index: number; readonly errors: FieldErrors }[];
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

/**
 * Writing records. Every write validates first, then writes its records and one change set
 * in one transaction, then announces the change to every open surface. A write that fails
 * validation writes nothing.
 */
export interface RecordWrites {
  readonly create: <K extends RecordKind>(kind: K, input: unknown) => Promise<SaveResult<K>>;
  /** Merges `patch` into the current fields and validates the whole. */
  readonly update: <K extends RecordKind>(id: RecordId, kind: K, patch: unknown) => Promise<SaveResult<K>>;
  /** Moves the record to the trash (sets deletedAt); its notes go with it. */
  readonly remove: (id: RecordId) => Promise<void>;
  /** Validates every input, then writes the valid ones in transactions of about a thousand. */
  readonly insertMany: <K extends RecordKind>(kind: K, inputs: readonly unknown[]) => Promise<BulkInsertReport>;
}

/** One page of a record's history, newest sets first, and what it took to word it. */
export interface RecentChanges {
  /** The entries of the page's sets, oldest first. */
  readonly entries: ChangeEntry[];
  /**
   * Entries of older sets, oldest first, read only for the values the page's fields held before
   * it (the latest earlier set that wrote each of them): not part of the page.
   */
  readonly earlier: ChangeEntry[];
  /** The hlc of the page's oldest set, to ask for the page after it; null when no older set is left. */
  readonly next: string | null;
}

/** Reading live records and their history. */
export interface RecordReads {
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
  /**
   * Visits every live record in pages (getAll by key range, never one cursor over all), oldest
   * created first; with `keep`, only the rows it accepts, the others left encrypted.
   */
  readonly forEachBatch: (
    batchSize: number, visit: (records: readonly LocketRecord[]) => void | Promise<void>, keep?: ClearRowTest,
  ) => Promise<void>;
  /** The record's changes, oldest first (by set hlc, then by position within the set). */
  readonly changesFor: (id: RecordId) => Promise<ChangeEntry[]>;
  /** One page of the record's changes: the `count` newest sets older than `before` (null: the newest), decoding no others but what words them. */
  readonly recentChanges: (id: RecordId, count: number, before: string | null) => Promise<RecentChanges>;
  /** Which devices created and last changed the record (db/attribution.ts); undefined when there is no such record. */
  readonly attribution: (id: RecordId) => Promise<RecordAttribution | undefined>;
}
