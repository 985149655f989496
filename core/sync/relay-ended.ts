/**
 * Records the relay ended by its own trash rule (SYNC.md §11): 30 days after it learned of a
 * record's trash, the relay deletes the record's ciphertext and tombstones its id, writing no set
 * that devices could pull. A device whose pending edit names such an id is refused `tombstoned`
 * on every push; it asks `POST /v1/tombstones` which of the refused ids the relay ended, and how.
 *
 * `byTrash` is true for an id the relay ended itself (no set of the log ends it): a device then
 * decides from its own copy (core/replica/relay-ended.ts); a purge or erase set ends the others,
 * and pulling it settles them.
 */
import * as v from 'valibot';

const IdHashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex id hash'));

/** At most this many ids per question: one refused set's items. */
export const MAX_TOMBSTONE_QUERY = 500;

export const TombstoneQuerySchema = v.strictObject({ idHashes: v.pipe(v.array(IdHashSchema), v.maxLength(MAX_TOMBSTONE_QUERY)) });
export const TombstoneReplySchema = v.strictObject({
  tombstones: v.array(v.strictObject({ idHash: IdHashSchema, op: v.string(), at: v.number(), byTrash: v.boolean() })),
});
export type TombstoneReply = v.InferOutput<typeof TombstoneReplySchema>;
