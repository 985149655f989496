import type { BulkInsertReport } from '../core/store/contract';
import type { RecordId, RecordKind } from '../core/records/types';
import type { CsvFile } from '../core/csv/fields';
import type { ImportWorkerApi } from './import-types';

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

export interface LocketWorkerApi extends ImportWorkerApi {
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

/** The worker's API once its store is open: what createWorkerApi builds. */
export type OpenWorkerApi = Omit<LocketWorkerApi, 'open'>;
