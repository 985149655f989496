/** The stored shapes of snapshots, read back through these schemas and never trusted. */
import * as v from 'valibot';
import { SettingsRowSchema, StoredRecordSchema } from '../archives/archive-rows';
import type { SnapshotReason } from './types';

export const InfoSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  takenAt: v.pipe(v.number(), v.finite()),
  reason: v.picklist(['daily', 'manual', 'before-restore'] satisfies SnapshotReason[]),
  records: v.pipe(v.number(), v.integer(), v.minValue(0)),
  bytes: v.pipe(v.number(), v.minValue(0)),
  complete: v.boolean(),
});

export const ChunkSchema = v.object({
  snapshotId: v.string(),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  records: v.array(StoredRecordSchema),
  settings: v.array(SettingsRowSchema),
});
export type Chunk = v.InferOutput<typeof ChunkSchema>;

/** Every chunk key of one snapshot: seq runs from 0 upwards. */
export const chunkRange = (id: string): IDBKeyRange => IDBKeyRange.bound([id, 0], [id, Infinity]);

