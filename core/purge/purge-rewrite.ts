/**
 * Change sets that mix purged and surviving records. With the codec they are rewritten
 * without the purged records' changes and values; without it (a sweep while locked) they are
 * remembered in `meta`, one row per set, until a sweep with the key finishes them.
 */
import * as v from 'valibot';
import { changeAad, changePreviousAad, type EncodedValue, type ValueCodec } from '../codec';
import type { RecordId } from '../records/types';
import type { StoredChangeSet } from '../db/rows';

const AWAITING_PREFIX = 'purge-awaiting:';

/** The meta key of the row that remembers which purged records a set still holds. */
export const awaitingKey = (hlc: string): string => `${AWAITING_PREFIX}${hlc}`;

/** Every awaiting row, and nothing else of `meta`. */
export const awaitingRange = (): IDBKeyRange => IDBKeyRange.bound(AWAITING_PREFIX, `${AWAITING_PREFIX}\uffff`);

const AwaitingSchema = v.object({ hlc: v.string(), purged: v.array(v.string()) });
export type AwaitingRow = v.InferOutput<typeof AwaitingSchema>;

/** A stored awaiting row is read back through its schema; anything else means a damaged database. */
export const parseAwaiting = (value: unknown): AwaitingRow | undefined => {
  if (value === undefined) return undefined;
  const parsed = v.safeParse(AwaitingSchema, value);
  if (!parsed.success) throw new Error('A stored note of change sets awaiting the key is unreadable');
  return parsed.output;
};

const encodedStamp = (encoded: EncodedValue | undefined): string => {
  if (!encoded) return '-';
  // A fresh IV for every encoding: the IV alone tells one encrypted value from another.
  if (encoded.codec === 'aes-gcm') return `aes:${Array.from(encoded.iv).join('.')}:${encoded.data.length}`;
  return `plain:${JSON.stringify(encoded.value)}`;
};

/**
 * What a set is, for "has it changed since it was read": its changes and its values. A set
 * rewritten elsewhere (an erasure scrubs values without dropping changes) stamps differently.
 */
export const setStamp = (set: StoredChangeSet): string =>
  [set.hlc, set.changes.map((change) => `${change.recordId}:${change.op}`).join(','),
    encodedStamp(set.values), encodedStamp(set.previous)].join('|');

/** Which record ids to drop from a set, in a form that compares as a string. */
export const droppedKey = (dropped: Iterable<RecordId>): string => [...dropped].sort().join(',');

export interface RewriteRequest {
  readonly set: StoredChangeSet;
  readonly dropped: readonly RecordId[];
}

/** A rewrite prepared outside any transaction; written only if the set still has `stamp`. */
export interface PreparedRewrite {
  readonly stamp: string;
  readonly dropped: string;
  /** null when nothing of the set is left: it is deleted. */
  readonly set: StoredChangeSet | null;
}

const aligned = (value: unknown, set: StoredChangeSet): unknown[] => {
  if (!Array.isArray(value) || value.length !== set.changes.length) {
    throw new Error(`Change set ${set.hlc} holds values that do not line up with its changes`);
  }
  return value;
};

/**
 * Decodes the sets, leaves out the dropped records' changes, their values and (for import
 * sets) their earlier values, and encodes the rest: all codec work in two batched calls.
 */
export const prepareRewrites = async (
  codec: ValueCodec,
  requests: readonly RewriteRequest[],
): Promise<Map<string, PreparedRewrite>> => {
  const decoded = await codec.decodeMany(
    requests.flatMap(({ set }) => (set.previous ? [set.values, set.previous] : [set.values])),
    requests.flatMap(({ set }) => (set.previous ? [changeAad(set.hlc), changePreviousAad(set.hlc)] : [changeAad(set.hlc)])),
  );
  let next = 0;
  const kept = requests.map(({ set, dropped }) => {
    const values = aligned(decoded[next++], set);
    const previous = set.previous ? aligned(decoded[next++], set) : null;
    const gone = new Set(dropped);
    const items = set.changes.flatMap((change, at) => (gone.has(change.recordId) ? []
      : [{ change, value: values[at], previous: previous ? previous[at] : undefined }]));
    return { set, dropped, items, hasPrevious: previous !== null };
  });
  const remaining = kept.filter(({ items }) => items.length > 0);
  const encoded = await codec.encodeMany(
    remaining.flatMap(({ items, hasPrevious }) => (hasPrevious
      ? [items.map((item) => item.value), items.map((item) => item.previous ?? null)]
      : [items.map((item) => item.value)])),
    remaining.flatMap(({ set, hasPrevious }) => (hasPrevious ? [changeAad(set.hlc), changePreviousAad(set.hlc)] : [changeAad(set.hlc)])),
  );
  const take = (() => {
    let at = 0;
    return (): EncodedValue => {
      const value = encoded[at++];
      if (!value) throw new Error('The codec returned fewer values than it was given');
      return value;
    };
  })();
  const prepared = new Map<string, PreparedRewrite>();
  for (const { set, dropped, items, hasPrevious } of kept) {
    const base = { stamp: setStamp(set), dropped: droppedKey(dropped) };
    if (items.length === 0) {
      prepared.set(set.hlc, { ...base, set: null });
      continue;
    }
    const { previous: _previousWithPurged, ...rest } = set;
    const values = take();
    const rewritten: StoredChangeSet = {
      ...rest,
      ...(hasPrevious ? { values, previous: take() } : { values }),
      changes: items.map((item) => item.change),
      recordIds: [...new Set(items.map((item) => item.change.recordId))],
    };
    prepared.set(set.hlc, { ...base, set: rewritten });
  }
  return prepared;
};
