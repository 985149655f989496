/**
 * An erasure's snapshot scrub, made durable: the marker is written in the erasure's own
 * transaction (with its receipt), and removed only once every snapshot is scrubbed with the
 * key, so a browser killed in between leaves work the next sweep finishes. Until then a
 * restore already leaves the person out: it honours the receipt.
 *
 * The marker holds the erased ids (as the snapshot rows it is about still do) and nothing else.
 */
import * as v from 'valibot';
import type { ValueCodec } from '../codec';
import type { RecordId } from '../records/types';
import type { LocketDatabase } from '../db/schema';
import { removeFromSnapshots } from './snapshot-erasure';

const PREFIX = 'erasure-scrub:';
const MarkerSchema = v.object({ ids: v.pipe(v.array(v.string()), v.minLength(1)) });
export type ErasureScrub = v.InferOutput<typeof MarkerSchema>;

/** Keyed by the receipt's id hash, so one erasure has one marker however often it is retried. */
export const erasureScrubKey = (personIdHash: string): string => `${PREFIX}${personIdHash}`;
const scrubRange = (): IDBKeyRange => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);

export const pendingErasureScrubs = (db: LocketDatabase): Promise<number> => db.count('meta', scrubRange());

/**
 * Scrubs every snapshot of each pending erasure. Without the codec (a locked sweep) only the
 * erased rows and the clear links go, and the marker stays for a sweep with the key, which can
 * also rewrite the bodies that pointed at them. Returns the snapshot rows removed.
 */
export const finishErasureScrubs = async (db: LocketDatabase, codec?: ValueCodec): Promise<number> => {
  const [keys, values] = await Promise.all([db.getAllKeys('meta', scrubRange()), db.getAll('meta', scrubRange())]);
  let removed = 0;
  for (const [index, key] of keys.entries()) {
    const marker = v.safeParse(MarkerSchema, values[index]);
    // An unreadable marker names nothing to scrub; keeping it would only fail every sweep.
    if (marker.success) removed += await removeFromSnapshots(db, marker.output.ids, codec);
    if (codec || !marker.success) await db.delete('meta', key);
  }
  return removed;
};

/** For the erasure's own scrub, right after its commit. */
export const scrubThenForget = async (
  db: LocketDatabase, personIdHash: string, ids: readonly RecordId[], codec: ValueCodec, onPage?: () => void,
): Promise<number> => {
  const removed = await removeFromSnapshots(db, ids, codec, onPage);
  await db.delete('meta', erasureScrubKey(personIdHash));
  return removed;
};
