/**
 * The wire contract of encrypted snapshots on the relay (SYNC.md §7.2, §11): a writer device
 * uploads the current state of every record as one row per record, sealed under the epoch's
 * snapshot key; a device whose cursor fell below the log's floor (`gone`), or a new one, reads
 * the latest snapshot back page by page and then the log after it.
 *
 *   POST /v1/snapshots/begin   { atSeq, epoch }                          → { snapshotId }
 *   POST /v1/snapshots/rows    { snapshotId, rows: [{recordId, kind, ct}] } → { stored }
 *   POST /v1/snapshots/commit  { snapshotId }                            → { snapshotId }
 *   POST /v1/snapshots/latest  {}                                        → { floor, head, snapshot }
 *   POST /v1/snapshots/get     { snapshotId, afterRecordId?, limit? }    → { rows, more }
 */
import * as v from 'valibot';
import { ItemSchema, LIMITS } from './protocol';

export const SNAPSHOT_LIMITS = {
  /** Rows per upload or read page; a page also stays under the relay's body limit. */
  maxRowsPerPage: 500,
  /** One record's sealed state: the same bound as one item of a set. */
  maxRowCiphertextBytes: LIMITS.maxItemCiphertextBytes,
} as const;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const Base64Url = (maxChars: number) => v.pipe(v.string(), v.maxLength(maxChars), v.regex(/^[A-Za-z0-9_-]*$/, 'expected unpadded base64url'));
/** 16 random bytes the relay mints at `begin`. */
export const SnapshotIdSchema = v.pipe(v.string(), v.length(22), v.regex(/^[A-Za-z0-9_-]+$/, 'expected a snapshot id'));
const RecordIdSchema = ItemSchema.entries.recordId;

export const SnapshotRowSchema = v.strictObject({
  recordId: RecordIdSchema,
  kind: ItemSchema.entries.kind,
  /** iv‖ciphertext‖tag under the epoch's snapshot key (core/sync/snapshot-crypto.ts). */
  ct: v.pipe(Base64Url(Math.ceil((SNAPSHOT_LIMITS.maxRowCiphertextBytes * 4) / 3)), v.minLength(1)),
});
export type SnapshotRow = v.InferOutput<typeof SnapshotRowSchema>;

export const SnapshotBeginSchema = v.strictObject({ atSeq: Count, epoch: Positive });
export const SnapshotBegunSchema = v.strictObject({ snapshotId: SnapshotIdSchema });
export const SnapshotRowsRequestSchema = v.strictObject({
  snapshotId: SnapshotIdSchema,
  rows: v.pipe(v.array(SnapshotRowSchema), v.minLength(1), v.maxLength(SNAPSHOT_LIMITS.maxRowsPerPage)),
});
export const SnapshotRowsStoredSchema = v.strictObject({ stored: Count });
export const SnapshotCommitSchema = v.strictObject({ snapshotId: SnapshotIdSchema });
export const SnapshotLatestRequestSchema = v.strictObject({});

/** A complete snapshot as the relay lists it: `createdAt` is the relay's time of its `begin`. */
export const SnapshotInfoSchema = v.strictObject({ id: SnapshotIdSchema, atSeq: Count, epoch: Positive, createdAt: Count });
export type SnapshotInfo = v.InferOutput<typeof SnapshotInfoSchema>;

/** `floor`: sets at or below it may be gone from the log; a cursor below it must bootstrap from `snapshot`. */
export const SnapshotLatestSchema = v.strictObject({ floor: Count, head: Count, snapshot: v.nullable(SnapshotInfoSchema) });
export type SnapshotLatest = v.InferOutput<typeof SnapshotLatestSchema>;

export const SnapshotGetSchema = v.strictObject({
  snapshotId: SnapshotIdSchema,
  afterRecordId: v.optional(RecordIdSchema),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SNAPSHOT_LIMITS.maxRowsPerPage))),
});
export const SnapshotPageSchema = v.strictObject({ rows: v.array(SnapshotRowSchema), more: v.boolean() });
export type SnapshotPage = v.InferOutput<typeof SnapshotPageSchema>;
