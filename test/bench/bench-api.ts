import * as v from 'valibot';

/**
 * The contract between the bench runner (Node) and the bench page (`window.locketBench`).
 * Everything the page returns crosses a process boundary, so the runner parses it with
 * these schemas rather than trusting the type page.evaluate claims.
 */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Millis = v.pipe(v.number(), v.minValue(0));

export const SeedReportSchema = v.object({
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
  wipeMs: Millis,
  /** Creating the account (password stretching included) on the wiped database. */
  accountMs: Millis,
});
export type SeedReport = v.InferOutput<typeof SeedReportSchema>;

export const RawPutReportSchema = v.object({
  records: Count,
  /** One readwrite transaction from its creation to `complete`. */
  putMs: Millis,
});
export type RawPutReport = v.InferOutput<typeof RawPutReportSchema>;

export const SearchReportSchema = v.object({
  /** From starting the worker to whenIndexed resolving. */
  readyMs: Millis,
  /** The worker's own figure for the full build. */
  buildMs: Millis,
  indexed: Count,
  samples: v.array(v.object({ query: v.string(), ms: Millis, hits: Count })),
});
export type SearchReport = v.InferOutput<typeof SearchReportSchema>;

export interface LocketBench {
  /** Deletes the account database, creates the account (which unlocks the session) and seeds `total` records through the store. */
  readonly seed: (total: number, seed: number) => Promise<SeedReport>;
  /** Puts the same records with bare IndexedDB into a scratch database, then deletes it. */
  readonly rawPut: (total: number, seed: number) => Promise<RawPutReport>;
  /** Starts a worker with the session's key, waits for its index, runs each query `repeats` times in turn. */
  readonly search: (queries: readonly string[], repeats: number) => Promise<SearchReport>;
}

declare global {
  interface Window {
    locketBench?: LocketBench;
  }
}
