/**
 * The one-time rewrite that binds every stored ciphertext to its row (codec version 2):
 * record bodies, change-set values and previous values, settings, and the copies of rows
 * and settings inside snapshot chunks. It runs at unlock, before the keys reach the
 * session, with a codec that still opens version-1 values; once it has finished it says so
 * in `meta`, and from then on nothing opens a version-1 value (so an old ciphertext copied
 * into a row later is refused, never rewritten into a bound one).
 *
 * Invariants: a page is read, re-encrypted outside any transaction, then written in one
 * transaction only where the stored value is still the one that was read (the same IV), so
 * a row purged or rewritten meanwhile is never brought back. A value that does not open is
 * left as it is: it could not be read before either. Interrupted, it starts again at the
 * next unlock and skips what is already bound.
 */
import * as v from 'valibot';
import {
  BOUND_CODEC_VERSION, changeAad, changePreviousAad, erasedIdsAad, isUnbound, recordAad, settingsAad, type EncodedValue, type ValueCodec,
} from '../codec';
import { ChunkSchema } from '../snapshots/snapshot-schema';
import { bytesEqual } from '../vault/bytes';
import type { OutboxRow, StoredChangeSet, StoredRecord } from '../db/rows';
import type { LocketDatabase } from '../db/schema';
import { writeTransaction, type WriteTransaction } from '../db/transaction';

/** The meta row saying every stored value is bound; absent until the rewrite has finished. */
export const BOUND_VALUES_KEY = 'codec-version';
const PAGE = 500;

const VersionSchema = v.object({ version: v.number() });

export const valuesAreBound = async (db: LocketDatabase): Promise<boolean> => {
  const stored = v.safeParse(VersionSchema, await db.get('meta', BOUND_VALUES_KEY));
  return stored.success && stored.output.version >= BOUND_CODEC_VERSION;
};

/** Marks a database whose values were all written bound (a new account) so it never runs the rewrite. */
export const markValuesBound = (db: LocketDatabase): Promise<unknown> =>
  db.put('meta', { version: BOUND_CODEC_VERSION }, BOUND_VALUES_KEY);

const sameValue = (a: EncodedValue | undefined, b: EncodedValue | undefined): boolean =>
  a === undefined || b === undefined ? a === b
    : a.codec === 'aes-gcm' && b.codec === 'aes-gcm' ? bytesEqual(a.iv, b.iv) : a.codec === b.codec;

/** What a walk does to one stored value under its row's name: the same object when it is left as it is. */
export type Recode = (value: EncodedValue, aad: string) => Promise<EncodedValue>;

/** The value bound to `aad`; the same value when it is bound already or does not open. */
const rebound = (codec: ValueCodec): Recode => async (value, aad) => {
  if (!isUnbound(value)) return value;
  try {
    return await codec.encode(await codec.decode(value, aad), aad);
  } catch {
    return value;
  }
};

export type StoreName = 'records' | 'changes' | 'settings' | 'snapshotChunks' | 'outbox';
type Key = IDBValidKey;

export interface Rebinder<T> {
  readonly store: StoreName;
  /** The rewritten value, or null when nothing in it needs rewriting. */
  readonly rebind: (value: T, key: Key) => Promise<T | null>;
  /** True when `now` (read in the write transaction) is still what `before` was read as. */
  readonly unchanged: (before: T, now: T) => boolean;
}

/** One row's new value, prepared outside any transaction from `before` as read. */
export interface Rewrite {
  readonly store: StoreName;
  readonly key: Key;
  readonly before: unknown;
  readonly after: unknown;
  readonly unchanged: (before: never, now: never) => boolean;
}

/**
 * Pages through one store by key, preparing each page's rewrites outside any transaction and
 * handing them to `onPage` (which writes them, or gathers them for one transaction). Returns
 * every key the store held as it was walked.
 */
export const walkStore = async <T>(
  db: LocketDatabase, { store, rebind, unchanged }: Rebinder<T>, onPage: (rewrites: readonly Rewrite[]) => Promise<void>,
): Promise<Key[]> => {
  const seen: Key[] = [];
  let after: Key | null = null;
  for (;;) {
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const tx = db.transaction(store);
    const [values, keys] = await Promise.all([tx.store.getAll(range, PAGE), tx.store.getAllKeys(range, PAGE)]) as [T[], Key[]];
    seen.push(...keys);
    const candidates = await Promise.all(values.map(async (value, index) => {
      const key = keys[index];
      const next = key === undefined ? null : await rebind(value, key);
      return key === undefined || next === null ? [] : [{ store, key, before: value, after: next, unchanged } as Rewrite];
    }));
    await onPage(candidates.flat());
    const last = keys.at(-1);
    if (keys.length < PAGE || last === undefined) return seen;
    after = last;
  }
};

type RewriteStores = WriteTransaction<StoreName>;

/**
 * Inside a write transaction over the rewrites' stores, IndexedDB work only: writes each
 * rewrite whose row is still as it was read, and returns how many rows were left out because
 * they were gone or had changed.
 */
export const writeRewrites = async (tx: RewriteStores, rewrites: readonly Rewrite[]): Promise<{ written: number; skipped: number }> => {
  const outcomes = await Promise.all(rewrites.map(async ({ store, key, before, after, unchanged }) => {
    const untyped = tx.objectStore(store) as unknown as {
      get: (key: Key) => Promise<unknown>; put: (value: unknown, key?: Key) => Promise<Key>;
    };
    const now = await untyped.get(key);
    if (now === undefined || !(unchanged as (a: unknown, b: unknown) => boolean)(before, now)) return 0;
    // Settings and the outbox are keyed out of line; every other store keys its rows by a key path.
    await (store === 'settings' || store === 'outbox' ? untyped.put(after, key) : untyped.put(after));
    return 1;
  }));
  const written = outcomes.reduce<number>((sum, one) => sum + one, 0);
  return { written, skipped: rewrites.length - written };
};

/** Pages through one store by key, writing each page's rewrites in a transaction of its own; returns how many rows it rewrote. */
export const rebindStore = async <T>(db: LocketDatabase, rebinder: Rebinder<T>): Promise<number> => {
  let rewritten = 0;
  await walkStore(db, rebinder, async (rewrites) => {
    if (rewrites.length === 0) return;
    // Through the one write path: a failure aborts the page whole, a full disk is typed.
    rewritten += (await writeTransaction(db, [rebinder.store], (tx) => writeRewrites(tx as unknown as RewriteStores, rewrites))).written;
  });
  return rewritten;
};

export const recordRebinder = (recode: Recode): Rebinder<StoredRecord> => ({
  store: 'records',
  rebind: async (row) => {
    const body = await recode(row.body, recordAad(row));
    return body === row.body ? null : { ...row, body };
  },
  unchanged: (before, now) => sameValue(before.body, now.body),
});

export const changeRebinder = (recode: Recode): Rebinder<StoredChangeSet> => ({
  store: 'changes',
  rebind: async (set) => {
    const values = await recode(set.values, changeAad(set.hlc));
    const previous = set.previous && await recode(set.previous, changePreviousAad(set.hlc));
    if (values === set.values && previous === set.previous) return null;
    return { ...set, values, ...(previous ? { previous } : {}) };
  },
  unchanged: (before, now) => sameValue(before.values, now.values) && sameValue(before.previous, now.previous),
});

/** An outbox row's sealed erased ids (an erase set not yet acknowledged by the relay), bound to its set. */
export const outboxRebinder = (recode: Recode): Rebinder<OutboxRow> => ({
  store: 'outbox',
  rebind: async (row) => {
    if (row.erased === undefined) return null;
    const erased = await recode(row.erased, erasedIdsAad(row.setId));
    return erased === row.erased ? null : { ...row, erased };
  },
  unchanged: (before, now) => before.clientSeq === now.clientSeq && sameValue(before.erased, now.erased),
});

export const settingsRebinder = (recode: Recode): Rebinder<EncodedValue> => ({
  store: 'settings',
  rebind: async (value, key) => {
    const next = await recode(value, settingsAad(String(key)));
    return next === value ? null : next;
  },
  unchanged: sameValue,
});

/** Snapshot chunks copy rows as stored: their copies are bound by the same names as the rows. */
export const chunkRebinder = (recode: Recode): Rebinder<unknown> => ({
  store: 'snapshotChunks',
  rebind: async (stored) => {
    const chunk = v.safeParse(ChunkSchema, stored);
    if (!chunk.success) return null;
    const records = await Promise.all(chunk.output.records.map(async (row) => ({ ...row, body: await recode(row.body, recordAad(row)) })));
    const settings = await Promise.all(chunk.output.settings.map(async (row) => ({ ...row, value: await recode(row.value, settingsAad(row.key)) })));
    const same = records.every((row, index) => row.body === chunk.output.records[index]?.body)
      && settings.every((row, index) => row.value === chunk.output.settings[index]?.value);
    return same ? null : { ...chunk.output, records, settings };
  },
  unchanged: (before, now) => {
    const a = v.safeParse(ChunkSchema, before);
    const b = v.safeParse(ChunkSchema, now);
    return a.success && b.success && a.output.records.length === b.output.records.length
      && a.output.records.every((row, index) => sameValue(row.body, b.output.records[index]?.body));
  },
});

/**
 * Rewrites every version-1 value bound to its row, then marks the database bound. `codec`
 * must open version-1 values (createAesGcmCodec with acceptUnbound). Returns the rows rewritten.
 */
export const bindStoredValues = async (db: LocketDatabase, codec: ValueCodec): Promise<number> => {
  if (await valuesAreBound(db)) return 0;
  let rewritten = 0;
  // Snapshot chunks last: a snapshot taken meanwhile copies rows the first passes already bound.
  const recode = rebound(codec);
  rewritten += await rebindStore(db, recordRebinder(recode));
  rewritten += await rebindStore(db, changeRebinder(recode));
  rewritten += await rebindStore(db, settingsRebinder(recode));
  rewritten += await rebindStore(db, chunkRebinder(recode));
  await markValuesBound(db);
  return rewritten;
};
