import * as v from 'valibot';

/**
 * The contract between the bench runner (Node) and the bench page (`window.locketBench`).
 * Everything the page returns crosses a process boundary, so the runner parses it with
 * these schemas rather than trusting the type page.evaluate claims.
 */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Millis = v.pipe(v.number(), v.minValue(0));

/**
 * The bench account's password: passes the password policy (long, not common, no context
 * words); the runner types it into the lock screen. The bench profile is thrown away after the run.
 */
export const BENCH_PASSWORD = 'quiet harbour lantern 4821 orchard';

/** One seeding of a plan through store.insertMany, whichever codec the store has. */
export const StoreSeedReportSchema = v.object({
  records: Count,
  /** Rows refused by validation; anything above 0 means the seeded data and the schema disagree. */
  invalid: Count,
  firstInvalid: v.nullable(v.string()),
  /** Sum of the insertMany calls only: generation and link lookups are outside it. */
  insertMs: Millis,
  byKind: v.array(v.object({ kind: v.string(), records: Count, ms: Millis })),
  /** The store's codec encoding the same inputs once more, apart from the insert: its share of insertMs. */
  encodeMs: Millis,
  generateMs: Millis,
  resolveLinksMs: Millis,
});
export type StoreSeedReport = v.InferOutput<typeof StoreSeedReportSchema>;

export const SeedReportSchema = v.object({
  ...StoreSeedReportSchema.entries,
  wipeMs: Millis,
  /** Creating the account (password stretching included) on the wiped database. */
  accountMs: Millis,
  /** The same seeding with the plain codec into the scratch twin, when asked for; null otherwise. */
  plain: v.nullable(StoreSeedReportSchema),
});
export type SeedReport = v.InferOutput<typeof SeedReportSchema>;

/** The account's database (AES-GCM codec) or its plain twin that seed wrote. */
export type ReadTarget = 'encrypted' | 'plain';

export const ReadReportSchema = v.object({
  /** Live records visited. */
  records: Count,
  /** forEachBatch(1000) over the whole store, decoding included; opening the store is not. */
  ms: Millis,
});
export type ReadReport = v.InferOutput<typeof ReadReportSchema>;

export const SearchHoldingSchema = v.object({
  /** The search worker's index, once ready: how many records it holds. */
  indexed: Count,
  /** Every live record's JSON, in bytes: the data the index is about, decrypted. */
  rawBytes: Count,
});
export type SearchHolding = v.InferOutput<typeof SearchHoldingSchema>;

export const UnlockReportSchema = v.object({
  iterations: Count,
  /** createVault once: key derivation, a fresh account key, wrapping. */
  createMs: Millis,
  /** Each unlockWithPassword: key derivation plus unwrap. */
  samples: v.array(Millis),
});
export type UnlockReport = v.InferOutput<typeof UnlockReportSchema>;

export const RawPutReportSchema = v.object({
  records: Count,
  /** One readwrite transaction from its creation to `complete`. */
  putMs: Millis,
  /** The same rows into Locket's schema, 1000 per transaction, each with its change set and outbox row (raw-put.ts). */
  /** Absent from bench builds made before it existed (LOCKET_BENCH_EXTENSION_DIR). */
  schemaFloorMs: v.optional(Millis),
});
export type RawPutReport = v.InferOutput<typeof RawPutReportSchema>;

export const BulkTimingReportSchema = v.object({
  /** Records the bulk tag was asked for, and how many it changed. */
  records: Count,
  changed: Count,
  /** store.applyBulk from the call to its return: every transaction and the audit entries. */
  bulkMs: Millis,
  /** The raw put of as many records, right after, in the same page (raw-put.ts). */
  putRecords: Count,
  putMs: Millis,
  /** The bulk tag's IndexedDB work alone, in bare IndexedDB (bulk-floor.ts); absent from older bench builds. */
  floorMs: v.optional(Millis),
});
export type BulkTimingReport = v.InferOutput<typeof BulkTimingReportSchema>;

export const BoardSeedReportSchema = v.object({
  /** Live opportunities of the account, and how many are open, once the extra ones are in. */
  opportunities: Count,
  open: Count,
  /** Open opportunities added to reach the figure's count. */
  added: Count,
});
export type BoardSeedReport = v.InferOutput<typeof BoardSeedReportSchema>;

export const SearchReportSchema = v.object({
  /** From starting the worker to whenIndexed resolving. */
  readyMs: Millis,
  /** The worker's own figure for the full build. */
  buildMs: Millis,
  indexed: Count,
  samples: v.array(v.object({ query: v.string(), ms: Millis, hits: Count })),
  /** A second start, once the first saved its index and let go: from connecting to whenIndexed. */
  loadMs: Millis,
  /** Where the second start's index came from: 'saved' unless the saved one could not be used. */
  loadOrigin: v.picklist(['saved', 'built']),
  /** The worker's own figure for that load and catch-up. */
  loadWorkerMs: Millis,
  /** The saved index, sealed, in bytes. */
  savedBytes: Count,
});
export type SearchReport = v.InferOutput<typeof SearchReportSchema>;

export const ExportReportSchema = v.object({
  /** Live records in the account's database. */
  records: Count,
  /** Rows the export wrote, all files together. */
  rows: Count,
  bytes: Count,
  /** The worker's exportCsv of all four files as one zip, from the call to the bytes arriving back in the page. */
  exportMs: Millis,
  /** When the worker's export started, in wall time (performance.timeOrigin + now()), so other pages can tell its tasks apart. */
  exportStartedAt: Millis,
  /** Bare getAll over `records`, pages of 1000 by id (IDBKeyRange). */
  getAllMs: Millis,
  /** The AES-GCM codec's decodeMany over those pages' bodies. */
  decodeMs: Millis,
  /** Papa.unparse of the same rows in batches of 1000, cells already read and neutralised. */
  unparseMs: Millis,
  /** Outside the parts: zipping the unparsed text (fflate, level 6), as the export does. */
  zipMs: Millis,
  /** Outside the parts: checking every decoded body with the record schemas (`parseFields`), as every read through the store does. */
  validateMs: Millis,
  /** Outside the parts: reading every row's cells (linked names included) and neutralising them, as the export's writer does. */
  cellsMs: Millis,
});
export type ExportReport = v.InferOutput<typeof ExportReportSchema>;

export const ImportReportSchema = v.object({
  rows: Count,
  bytes: Count,
  /** parseCsv of the file alone. */
  parseMs: Millis,
  /** N small records with bare IndexedDB, transactions of 1000, into a scratch store without indexes. */
  putMs: Millis,
  /** The same records into a scratch database of Locket's schema (its indexes), each 1000 with a change set and an outbox row: what an import must write. */
  floorMs: v.optional(Millis),
  /**
   * The rows, change sets and outbox rows the import wrote, read back and added again with bare
   * IndexedDB into a fresh database of Locket's schema, one transaction per set: its IndexedDB work alone, byte for byte.
   */
  ownRowsFloorMs: v.optional(Millis),
  /** The worker's import API (createImportApi) on a fresh scratch account database: planImport, then runImport. */
  planMs: Millis,
  runMs: Millis,
  written: Count,
  /** Rows the plan skipped as duplicates of earlier rows in the same file (policy "skip"). */
  skipped: Count,
  failed: Count,
  invalid: Count,
  failure: v.nullable(v.string()),
});
export type ImportReport = v.InferOutput<typeof ImportReportSchema>;

export const WorkerImportReportSchema = v.object({
  rows: Count,
  written: Count,
  /** Records the undo removed again. */
  removed: Count,
  /** Wall time (performance.timeOrigin + now()) when planImport was called. */
  startedAt: Millis,
  planMs: Millis,
  runMs: Millis,
  undoMs: Millis,
});
export type WorkerImportReport = v.InferOutput<typeof WorkerImportReportSchema>;

export const IndexStatusSchema = v.object({
  /** How the profile's search worker came by its index: built, or loaded from its saved copy. */
  origin: v.string(),
  indexed: Count,
});

export const ArchiveReportSchema = v.object({
  /** Rows in `records` when the backup was made (trash included). */
  records: Count,
  /** Records the restore wrote back. */
  restored: Count,
  bytes: Count,
  /** The worker's createBackup, from the call to the file arriving back in the page. */
  backupMs: Millis,
  /** The worker's restoreBackup of that file (safety snapshot included). */
  restoreMs: Millis,
  /** When the backup started, in wall time (performance.timeOrigin + now()); the restore followed it at once. */
  startedAt: Millis,
  /** A snapshot of the restored data through the worker, as the restore's safety snapshot is taken (deleted again). */
  snapshotMs: Millis,
  /** The restored rows as stored, put with bare IndexedDB into a scratch store without indexes, one transaction per 1000. */
  barePutMs: Millis,
  /**
   * The rows and sets the restore wrote, put again with bare IndexedDB in one transaction over a
   * database of Locket's schema holding as many rows (read every key, clear, put): its IndexedDB work alone.
   */
  replaceFloorMs: v.optional(Millis),
});
export type ArchiveReport = v.InferOutput<typeof ArchiveReportSchema>;

export const SweepBenchReportSchema = v.object({
  purged: Count,
  /** The sweep worker's sweep, from the call to its report, without the key (as a locked alarm runs it). */
  sweepMs: Millis,
  changeSetsDeleted: Count,
});
export type SweepBenchReport = v.InferOutput<typeof SweepBenchReportSchema>;

export const BareDeleteReportSchema = v.object({
  records: Count,
  /** Deleting the account's keys with bare IndexedDB, 1000 per transaction, from a copy of its rows in a database of the same schema. */
  deleteMs: Millis,
  /** The same rows put back, then purged with a tombstone each and, per 1000, a purge set, its outbox row and an audit entry (bare-purge.ts). */
  purgeMs: Millis,
  /** Change sets the bare purge deleted with the rows. */
  setsDeleted: Count,
});
export type BareDeleteReport = v.InferOutput<typeof BareDeleteReportSchema>;

/** What a bench device needs to join the account on the relay: its address, the account's sync key, the signers' public keys. */
export interface SyncJoin {
  readonly relayUrl: string;
  readonly team: string;
  /** The account's sync key, base64url: the bench page is a device of the account. */
  readonly syncKey: string;
  readonly signers: readonly { readonly deviceId: string; readonly publicKey: string }[];
}

export const SyncDeviceSchema = v.object({ deviceId: v.string(), publicKey: v.string() });

export const FullSyncReportSchema = v.object({
  /** Records in the new device's database once the engine reported connected. */
  records: Count,
  sets: Count,
  /** createSyncEngine().start() on a wiped database until its first round ends (status connected). */
  fullMs: Millis,
  /** The same pull over HTTP from seq 0 to the head, answers parsed as the engine parses them, nothing opened or applied. */
  pullMs: Millis,
  /** SyncCrypto.open of every pulled set: schema, signature, hashes, AES-GCM, padding. */
  decryptMs: Millis,
  /** The opened records' fields put with bare IndexedDB into a store without indexes, one transaction per pulled page. */
  putMs: Millis,
  /** Bytes of the pull answers' JSON. */
  pulledBytes: Count,
  pages: Count,
});
export type FullSyncReport = v.InferOutput<typeof FullSyncReportSchema>;

export const SyncWriteSchema = v.object({ id: v.string(), startedAt: Millis });
export type SyncWrite = v.InferOutput<typeof SyncWriteSchema>;

export const FilterReportSchema = v.object({
  /** Live people the filter ran over. */
  people: Count,
  /** The plain people list's first page (store.page, newest first) in the page. */
  plainRows: Count,
  plainFirstPageMs: Millis,
  /** People the one-condition filter matched: its exact count. */
  matches: Count,
  /** From the search worker's call until the first page of matches was read in the page (its first ids, then getMany), its columns loaded. */
  firstRowsMs: Millis,
  /** From that call until every match came back, counted and sorted. */
  countMs: Millis,
  /** From connecting to the search worker, no index saved, until its index and filter columns were built. */
  coldBuildMs: Millis,
  /** From connecting again once they were saved, until they were loaded and caught up (as after an unlock). */
  loadMs: Millis,
  /** The same filter by the page's worker's scan (what a list does while the columns are not ready): first rows, count. */
  scanFirstRowsMs: Millis,
  scanCountMs: Millis,
});
export type FilterReport = v.InferOutput<typeof FilterReportSchema>;

export const TasksSeedReportSchema = v.object({
  /** Tasks inserted through store.insertMany with the account's codec, spread over the Tasks view's sections. */
  tasks: Count,
  tasksMs: Millis,
  /** The person whose timeline is timed, and how many entries it was given (notes, calls, done tasks, field changes). */
  timelineId: v.string(),
  timelineEntries: Count,
  timelineMs: Millis,
});
export type TasksSeedReport = v.InferOutput<typeof TasksSeedReportSchema>;

export const ReminderReportSchema = v.object({
  /** The background's reminder round (runReminderRound), from the call until the alarm is set; one per run. */
  roundMs: v.array(Millis),
  /** The same reads of the clear `remind` index with bare IndexedDB, one per run. */
  floorMs: v.array(Millis),
  /** When the alarm the last round set will ring; null when none was set. */
  alarmAt: v.nullable(Millis),
  /** Tasks in the `remind` index (open, dated, with a time). */
  reminders: Count,
});
export type ReminderReport = v.InferOutput<typeof ReminderReportSchema>;

export const TimelineFloorReportSchema = v.object({
  /** One page of the newest dependents and change sets of the record, bare IndexedDB, decrypted. */
  ms: Millis,
  rows: Count,
});
export type TimelineFloorReport = v.InferOutput<typeof TimelineFloorReportSchema>;

export interface LocketBench {
  /**
   * Deletes the account database, creates the account (which unlocks the session) and seeds
   * `total` records through the store. With `plainTwin`, also seeds the same inputs through a
   * store with the plain codec into a wiped scratch database of the same schema, kind by kind
   * in turn with the account's; it is kept for readAll('plain') until dropPlain.
   */
  readonly seed: (total: number, seed: number, plainTwin?: boolean) => Promise<SeedReport>;
  /** Puts the same records with bare IndexedDB into a scratch database, then deletes it. */
  readonly rawPut: (total: number, seed: number) => Promise<RawPutReport>;
  /** A bulk tag of `count` records of the seeded account, beside the raw put rate in the same run. */
  readonly bulkTag: (count: number, seed: number) => Promise<BulkTimingReport>;
  /** Adds open opportunities to the account seeded with `size` records until `wanted` are open. */
  readonly seedOpenOpportunities: (size: number, wanted: number, seed: number) => Promise<BoardSeedReport>;
  /** Starts a worker with the session's key, waits for its index, runs each query `repeats` times in turn. */
  readonly search: (queries: readonly string[], repeats: number) => Promise<SearchReport>;
  /** Waits for the profile's search worker to hold its index (connecting for a moment), and measures the raw data. */
  readonly searchHolding: () => Promise<SearchHolding>;
  /** Visits every live record with forEachBatch(1000) through a freshly opened store. */
  readonly readAll: (target: ReadTarget) => Promise<ReadReport>;
  /** Deletes the plain twin that seed wrote. */
  readonly dropPlain: () => Promise<void>;
  /** Creates a vault once (not stored anywhere), then times unlockWithPassword `runs` times. */
  readonly unlock: (runs: number) => Promise<UnlockReport>;
  /**
   * True once the side panel opened at `since` (wall time) has finished its own sweep (its report is
   * stored) and the profile's search worker holds its index: then neither competes with what is timed next.
   */
  readonly panelSettled: (since: number) => Promise<boolean>;
  /** Times the worker's export of every file as a zip, then its parts over the same records. */
  readonly exportAll: () => Promise<ExportReport>;
  /** Times importing a `rows`-row contacts file into a scratch account database, and its parts; drops the scratch databases. */
  readonly importContacts: (rows: number, seed: number) => Promise<ImportReport>;
  /** Imports a `rows`-row contacts file of new people into the account through the page's worker, then undoes it. */
  readonly importThroughWorker: (rows: number, seed: number) => Promise<WorkerImportReport>;
  /** Forgets the profile's saved search index, so the search worker's next start builds. */
  readonly forgetSavedIndex: () => Promise<void>;
  /** Waits, connected to the profile's search worker, until its index is ready; says how it came by it. */
  readonly indexStatus: () => Promise<v.InferOutput<typeof IndexStatusSchema>>;
  /** Times a backup of the whole account through the worker, then restoring it. */
  readonly archive: () => Promise<ArchiveReport>;
  /** Times the plain people list's first page, then a one-condition filter over the people through the worker: first rows, exact count. */
  readonly filter: () => Promise<FilterReport>;
  /** Moves every record to the trash 31 days back (rows only), ready for a sweep to purge; returns how many. */
  readonly expireEverything: () => Promise<number>;
  /** Times one sweep through the sweep worker. */
  readonly sweep: () => Promise<SweepBenchReport>;
  /** Copies the account's rows into a scratch database of the same schema and times deleting their keys with bare IndexedDB. */
  readonly bareDelete: () => Promise<BareDeleteReport>;
  /** Locks the session, as "lock now" does: every open surface shows its lock screen. */
  readonly lock: () => Promise<void>;
  /** Draws sync device keys for `name` in this page (the private key never leaves it); returns its id and public key. */
  readonly syncDeviceKeys: (name: string) => Promise<v.InferOutput<typeof SyncDeviceSchema>>;
  /** Device `name` on a wiped database pulls the whole account through the sync engine, then the parts are timed. */
  readonly fullSync: (name: string, join: SyncJoin) => Promise<FullSyncReport>;
  /** Opens device `name` on a wiped database with its engine running (first round over); it notes when records arrive. */
  readonly syncOpen: (name: string, join: SyncJoin) => Promise<void>;
  /** Creates one person through device `name`'s store; `startedAt` is wall time (timeOrigin + now) before the call. */
  readonly syncWrite: (name: string, index: number) => Promise<SyncWrite>;
  /** The wall time at which device `name` read record `id` back from its store, or null while it has not. */
  readonly syncSeen: (name: string, id: string) => Promise<number | null>;
  readonly syncClose: (name: string) => Promise<void>;
  /** Seeds `count` tasks linked to the seeded records, and one person with a timeline of 1,000 entries. */
  readonly seedTasks: (count: number, seed: number) => Promise<TasksSeedReport>;
  /** Times the background's reminder round `runs` times, each beside a bare read of the same index. */
  readonly reminders: (runs: number) => Promise<ReminderReport>;
  /** Times a bare read and decryption of one page of record `id`'s timeline sources. */
  readonly timelineFloor: (id: string) => Promise<TimelineFloorReport>;
  /** Asks the side panel to show record `id` (an open request, as a reminder's click makes). */
  readonly openInSidePanel: (id: string) => Promise<void>;
}

declare global {
  interface Window {
    locketBench?: LocketBench;
  }
}
