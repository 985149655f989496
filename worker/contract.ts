/**
 * The one contract between a page and its comlink worker. Each method is declared once, in
 * its capability's file under contracts/ (arguments' schemas, result type, what moves rather
 * than copies); the host's checks and deferral, the page's client and the types below are
 * derived from those declarations. A new method: declare it there, implement it beside its
 * capability (search, export, import, archive, retention or sync api).
 */
import * as v from 'valibot';
import { archiveContract } from './contracts/archives';
import { duplicatesContract } from './contracts/duplicates';
import { bulkContract } from './contracts/bulk';
import { exportContract } from './contracts/exports';
import { filterContract } from './contracts/filters';
import { importContract } from './contracts/imports';
import { method, returnsNothing, type ClientOf, type ImplementationOf } from './contracts/method';
import { pipelineContract } from './contracts/pipeline';
import { relayRetentionContract } from './contracts/relay-retention';
import { retentionContract } from './contracts/retention';
import { searchContract, searchQueryContract } from './contracts/search';
import { syncContract } from './contracts/sync';
import { tasksContract } from './contracts/tasks';
import { teamContract } from './contracts/team';
import { contactsContract } from './contracts/contacts';

/** All but backups and snapshots, which need the rows as stored: what worker-api.ts implements. */
export const coreWorkerContract = { ...bulkContract, ...contactsContract, ...duplicatesContract, ...exportContract, ...importContract, ...retentionContract, ...searchContract };

/** Every method that needs the store, which opens once the worker has the account key. */
export const openWorkerContract = {
  ...coreWorkerContract, ...archiveContract, ...syncContract, ...teamContract, ...relayRetentionContract, ...tasksContract,
  ...filterContract, ...pipelineContract,
};

export const locketContract = {
  /**
   * Hands the worker the unlocked account key; every other call waits for it. Called once,
   * right after the worker starts. A worker never reads the session itself.
   */
  open: method({
    args: [v.pipe(v.instance(Uint8Array), v.length(32, 'The account key must be 32 bytes.'))], result: returnsNothing(), waitsForOpen: false,
  }),
  ...openWorkerContract,
};

/** What a page calls, on the comlink proxy (`Remote<LocketWorkerApi>`). */
export type LocketWorkerApi = ClientOf<typeof locketContract>;
export type CoreWorkerApi = ClientOf<typeof coreWorkerContract>;
/** The page's view of each capability, as the services hand it to elements. */
export type SearchWorkerApi = ClientOf<typeof searchContract>;
export type SearchImplementation = ImplementationOf<typeof searchQueryContract>;
export type ExportWorkerApi = ClientOf<typeof exportContract>;
export type ImportWorkerApi = ClientOf<typeof importContract>;
export type BulkWorkerApi = ClientOf<typeof bulkContract>;
export type ArchiveWorkerApi = ClientOf<typeof archiveContract>;
export type RetentionWorkerApi = ClientOf<typeof retentionContract>;
export type DuplicatesWorkerApi = ClientOf<typeof duplicatesContract>;
export type ContactsWorkerApi = ClientOf<typeof contactsContract>;
export type SyncWorkerApi = ClientOf<typeof syncContract>;
export type TeamWorkerApi = ClientOf<typeof teamContract>;
export type RelayRetentionWorkerApi = ClientOf<typeof relayRetentionContract>;
export type TasksWorkerApi = ClientOf<typeof tasksContract>;
export type TasksImplementation = ImplementationOf<typeof tasksContract>;
export type PipelineWorkerApi = ClientOf<typeof pipelineContract>;

/** The worker's side once its store is open: what implementation.ts builds. */
export type OpenWorkerImplementation = ImplementationOf<typeof openWorkerContract>;
export type CoreWorkerImplementation = ImplementationOf<typeof coreWorkerContract>;
export type ExportImplementation = ImplementationOf<typeof exportContract>;
export type ImportImplementation = ImplementationOf<typeof importContract>;
export type BulkImplementation = ImplementationOf<typeof bulkContract>;
export type ArchiveImplementation = ImplementationOf<typeof archiveContract>;
export type RetentionImplementation = ImplementationOf<typeof retentionContract>;
export type SyncImplementation = ImplementationOf<typeof syncContract>;
export type RelayRetentionImplementation = ImplementationOf<typeof relayRetentionContract>;
export type TeamImplementation = ImplementationOf<typeof teamContract>;
export type PipelineImplementation = ImplementationOf<typeof pipelineContract>;

export { archiveContract, bulkContract, contactsContract, duplicatesContract, exportContract, filterContract, importContract, pipelineContract, relayRetentionContract, retentionContract, searchContract, searchQueryContract, syncContract, tasksContract, teamContract };
export type { RestoreOutcome, RestoreProblem, RestoreReport } from './contracts/archives';
export { CANCELLED, isCancelled, type Cancelled } from './contracts/cancelled';
export type { CsvExportOptions, ExportedFile } from './contracts/exports';
export { INPUT_REFUSED, WorkerInputRefused } from './contracts/refusal';
export type { RetentionCandidate } from './contracts/retention';
export type { IndexStatus, SearchHit, SearchOptions } from './contracts/search';
export type { SyncOutcome } from './contracts/sync';
export type { TaskRow } from './contracts/tasks';
