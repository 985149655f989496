import type { EncodedValue } from '../codec';
import type {
  FieldErrors, FieldsByKind, ListedKind, LocketRecord, RecordId, RecordKind, Result,
} from '../records/types';

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
}

export type ChangeOp = 'create' | 'update' | 'delete';

/** One entry of the change log; written in the same transaction as the record. */
export interface StoredChange {
  /** Hybrid logical clock timestamp; unique and sortable, so it is the key. */
  readonly hlc: string;
  readonly recordId: RecordId;
  readonly kind: RecordKind;
  readonly op: ChangeOp;
  /** Names of the fields that changed (in the clear: names, never values). */
  readonly changed: readonly string[];
  /** The changed fields' new values, through the codec. */
  readonly values: EncodedValue;
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

export interface BulkInsertReport {
  readonly inserted: number;
  /** Rows refused by validation, by their position in the input. Nothing of them is written. */
  readonly invalid: readonly { readonly index: number; readonly errors: FieldErrors }[];
}

/**
 * The one module every write goes through. Every write validates first, then writes the
 * record and its change entry in one transaction, then announces the change to every
 * open surface. A write that fails validation writes nothing.
 */
export interface LocketStore {
  readonly create: <K extends RecordKind>(kind: K, input: unknown) => Promise<SaveResult<K>>;
  /** Merges `patch` into the current fields and validates the whole. */
  readonly update: <K extends RecordKind>(id: RecordId, kind: K, patch: unknown) => Promise<SaveResult<K>>;
  /** Moves the record to the trash (sets deletedAt); its notes go with it. */
  readonly remove: (id: RecordId) => Promise<void>;
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
  readonly changesFor: (id: RecordId) => Promise<StoredChange[]>;
  readonly getSettings: () => Promise<Settings>;
  /** Merges the given fields onto the current settings and validates the whole. */
  readonly saveSettings: (patch: unknown) => Promise<Result<Settings, FieldErrors>>;
  readonly close: () => void;
}

export type { FieldsByKind };
