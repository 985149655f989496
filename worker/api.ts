import type { BulkInsertReport } from '../core/record-store/contract';
import type { RecordId, RecordKind } from '../core/records/types';
import type { CsvFile } from '../core/csv/fields';
import type { ImportWorkerApi } from './import-types';
import type { Result } from '../core/result';
import type { RetentionRule } from '../core/retention/policy';
import type { SnapshotInfo } from '../core/snapshots/types';

/** The one contract between a page and its comlink worker (`Remote<LocketWorkerApi>`). */
export interface SearchHit {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly title: string;
  readonly subtitle: string;
}

export interface SearchOptions {
  /** Only these kinds; all listed kinds when absent. */
  readonly kinds?: readonly RecordKind[];
  /** At most this many hits (default 20). */
  readonly limit?: number;
}

export interface IndexStatus {
  readonly state: 'building' | 'ready';
  readonly indexed: number;
  /** Time the last full build took, in ms. */
  readonly buildMs: number;
}

/** What a restore (from a backup file or a snapshot) put back. */
export interface RestoreReport {
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  readonly settings: boolean;
  readonly auditEntries: number;
  /** Records left out because they had been erased (right to be forgotten) after the backup was made. */
  readonly skippedErased: number;
  /** The snapshot of the data as it was just before the restore, so the restore itself can be undone. */
  readonly safetySnapshotId: string;
}

/** A refusal says why in words for the owner ("This password does not open the backup.") and changed nothing. */
export type RestoreOutcome = Result<RestoreReport, string>;

export interface ArchiveWorkerApi {
  /**
   * One encrypted file of every record (trash included), note, setting and the audit log,
   * sealed under `password` stretched as the vault's is. Logged in the audit log.
   */
  readonly createBackup: (password: string, onProgress: (done: number, total: number) => void) => Promise<ExportedFile>;
  /** Validates the whole file first; replaces the current data only if all of it is sound. */
  readonly restoreBackup: (file: Uint8Array, password: string, onProgress: (done: number, total: number) => void) => Promise<RestoreOutcome>;
  /** Finished snapshots, newest first. */
  readonly listSnapshots: () => Promise<SnapshotInfo[]>;
  readonly takeSnapshot: () => Promise<SnapshotInfo>;
  readonly restoreSnapshot: (id: string, onProgress: (done: number, total: number) => void) => Promise<RestoreOutcome>;
}

/** One record a retention rule proposes for the trash. */
export interface RetentionCandidate {
  readonly id: RecordId;
  readonly kind: RecordKind;
  readonly title: string;
  readonly subtitle: string;
  /** The moment the rule measured from (last activity, or when the opportunity was lost or the case closed). */
  readonly since: number;
}

export interface RetentionWorkerApi {
  /** The live records the rule matches now; nothing moves until the owner confirms (store.removeMany). */
  readonly proposeRetention: (rule: RetentionRule) => Promise<readonly RetentionCandidate[]>;
}

export interface LocketWorkerApi extends ImportWorkerApi, ArchiveWorkerApi, RetentionWorkerApi {
  /**
   * Hands the worker the unlocked account key; every other call waits for it. Called once,
   * right after the worker starts. A worker never reads the session itself.
   */
  readonly open: (accountKey: Uint8Array) => Promise<void>;
  readonly indexStatus: () => Promise<IndexStatus>;
  /** Resolves once the initial index build has finished. */
  readonly whenIndexed: () => Promise<IndexStatus>;
  /** Prefix and fuzzy search over names, emails, phones, domains, tags. Live records only. */
  readonly search: (query: string, options?: SearchOptions) => Promise<SearchHit[]>;
  /** Bulk insert through the store, in transactions of about a thousand. */
  readonly insertMany: (kind: RecordKind, inputs: readonly unknown[]) => Promise<BulkInsertReport>;
  /**
   * Every live record into the chosen CSV files (one file, or a zip of them), logged in the
   * audit log. Pass `onProgress` through Comlink.proxy. Rejects with an error named
   * "ExportCancelled" after cancelExport().
   */
  readonly exportCsv: (
    files: readonly CsvFile[], options: CsvExportOptions, onProgress: (done: number, total: number) => void,
  ) => Promise<ExportedFile>;
  /** Stops the running export, if any, at its next batch. */
  readonly cancelExport: () => Promise<void>;
}

export interface CsvExportOptions {
  /** Start each file with a UTF-8 byte-order mark ("for Excel"). */
  readonly bom: boolean;
  /** One zip of the chosen files; must be true when more than one file is chosen. */
  readonly zip: boolean;
}

/** A finished export, ready to offer as a download. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Rows written per file. */
  readonly rows: Readonly<Partial<Record<CsvFile, number>>>;
}

/** The worker's API once its store is open. */
export type OpenWorkerApi = Omit<LocketWorkerApi, 'open'>;

/** All of it but backups and snapshots, which need the rows as stored: what createWorkerApi builds. */
export type CoreWorkerApi = Omit<OpenWorkerApi, keyof ArchiveWorkerApi>;
