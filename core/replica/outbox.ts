/**
 * The outbox side of the replica: hands out contiguous clientSeqs in write order, keeps what
 * the relay acknowledged, and turns queued sets into SyncSets. Every state change is one
 * transaction; reading and decoding happen outside it.
 */
import * as v from 'valibot';
import { HELD_BACK_KEY, heldBackOf } from './relay-ended';
import { idHash } from '../audit/hash';
import { changeAad, erasedIdsAad, type EncodedValue } from '../codec';
import { isTerminalOp, type StoredChangeSet } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';
import { writeTransaction } from '../db/transaction';
import type { LocketDatabase } from '../db/schema';
import type { OutboxEntry, SyncCursor } from '../sync/ports';
import { parseHlc } from '../hlc';
import { syncSetOf } from './sync-items';

export const OUTBOX_STATE_KEY = 'sync-outbox';
export const CURSOR_KEY = 'sync-cursor';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const OutboxStateSchema = v.object({ acked: Count, lastSeq: Count, assignedThrough: Count });
type OutboxState = v.InferOutput<typeof OutboxStateSchema>;
export const CursorSchema = v.object({ relayInstance: v.string(), seq: Count, setId: v.optional(v.string()) });

const EMPTY: OutboxState = { acked: 0, lastSeq: 0, assignedThrough: 0 };
export const outboxStateOf = (stored: unknown): OutboxState => {
  const parsed = v.safeParse(OutboxStateSchema, stored);
  return parsed.success ? parsed.output : EMPTY;
};
export const cursorOf = (stored: unknown): SyncCursor | null => {
  const parsed = v.safeParse(CursorSchema, stored);
  return parsed.success ? parsed.output : null;
};

interface Handed {
  readonly clientSeq: number;
  readonly prevSetId: string | null;
  readonly setId: string;
  /** Absent when the set was purged or erased after its clientSeq was given: it goes out empty, keeping the sequence whole. */
  readonly set: StoredChangeSet | undefined;
  /** An erase set's plain ids, sealed in its outbox row; absent when erased while not connected, or once acknowledged. */
  readonly sealedErased: EncodedValue | undefined;
  /** The ids the set edits (not purges or erases). */
  readonly edited: readonly string[];
  /** Of those, the ids purged since (here or, once pulled, elsewhere): their items stay here. Erased ones are added by their hash. */
  readonly purgedSince: Set<string>;
  /** The createdAt of each record the set creates, as stored here: it travels with the create. */
  readonly createdAt: ReadonlyMap<string, number>;
}

const ErasedIdsSchema = v.array(v.object({ id: v.string(), kind: v.string() }));
type ErasedIds = v.InferOutput<typeof ErasedIdsSchema>;

/** The ids an erase set stands for, opened from its outbox row; none when the row holds none or they do not open. */
const openErased = async (codec: StoreDeps['codec'], entry: Handed): Promise<ErasedIds> => {
  if (!entry.sealedErased) return [];
  const parsed = v.safeParse(ErasedIdsSchema, await codec.decode(entry.sealedErased, erasedIdsAad(entry.setId)));
  return parsed.success ? parsed.output : [];
};

/** Gives clientSeqs to rows that have none (dropping rows whose set is gone), then reads up to `limit` unacknowledged ones. */
const handOut = (db: LocketDatabase, limit: number): Promise<Handed[]> =>
  writeTransaction(db, ['outbox', 'changes', 'meta', 'purged', 'records'], async (tx) => {
    const outbox = tx.objectStore('outbox');
    const changes = tx.objectStore('changes');
    const meta = tx.objectStore('meta');
    const state = outboxStateOf(await meta.get(OUTBOX_STATE_KEY));
    let { lastSeq, assignedThrough } = state;
    const wanted = state.acked + limit;
    let cursor = await outbox.openCursor(IDBKeyRange.lowerBound(assignedThrough, true));
    while (cursor && lastSeq < wanted) {
      const row = cursor.value;
      assignedThrough = cursor.key;
      // Purged before it was ever pushed: it never gets a clientSeq, so it never leaves this device.
      if ((await changes.getKey(row.setId)) === undefined) await cursor.delete();
      else await cursor.update({ ...row, clientSeq: ++lastSeq });
      cursor = await cursor.continue();
    }
    await meta.put({ ...state, lastSeq, assignedThrough }, OUTBOX_STATE_KEY);
    const rows = await outbox.index('bySeq').getAll(IDBKeyRange.bound(state.acked, state.acked + limit, true, false));
    const before = state.acked === 0 ? undefined : await outbox.index('bySeq').get(state.acked);
    const heldBack = new Set(heldBackOf(await meta.get(HELD_BACK_KEY)).map((entry) => entry.id));
    let prevSetId = before?.setId ?? null;
    const handed: Handed[] = [];
    for (const row of rows) {
      const set = await changes.get(row.setId);
      const edited = [...new Set((set?.changes ?? []).filter((change) => !isTerminalOp(change.op)).map((change) => change.recordId))];
      const tombs = await Promise.all(edited.map((id) => tx.objectStore('purged').getKey(id)));
      // Ids the relay ended by its trash rule while this device kept them (relay-ended.ts) go out like purged ones: left out.
      const purgedSince = new Set(edited.filter((id, index) => tombs[index] !== undefined || heldBack.has(id)));
      const createdIds = (set?.changes ?? []).filter((change) => change.op === 'create').map((change) => change.recordId);
      const createdRows = await Promise.all(createdIds.map((id) => tx.objectStore('records').get(id)));
      const createdAt = new Map(createdRows.flatMap((created) => (created ? [[created.id, created.createdAt] as const] : [])));
      handed.push({ clientSeq: row.clientSeq ?? 0, prevSetId, setId: row.setId, set, sealedErased: row.erased, edited, purgedSince, createdAt });
      prevSetId = row.setId;
    }
    return handed;
  });

const hasValues = (set: StoredChangeSet): boolean => set.changes.some((change) => change.op !== 'purge' && change.op !== 'erase');

/**
 * Adds to each entry's `purgedSince` the edited ids erased since: an erased id's tombstone names
 * it only by its keyed hash, hashed outside any transaction (WebCrypto would let one commit).
 */
const addErasedSince = async (db: LocketDatabase, keys: StoreDeps['auditKeys'], handed: readonly Handed[]): Promise<void> => {
  const unknown = [...new Set(handed.flatMap((entry) => entry.edited.filter((id) => !entry.purgedSince.has(id))))];
  if (!keys || unknown.length === 0) return;
  const hashes = await Promise.all(unknown.map((id) => idHash(keys, id)));
  const tx = db.transaction('purged');
  const tombs = await Promise.all(hashes.map((hash) => tx.store.getKey(hash)));
  const erased = new Set(unknown.filter((_, index) => tombs[index] !== undefined));
  for (const entry of handed) for (const id of entry.edited) if (erased.has(id)) entry.purgedSince.add(id);
};

/**
 * Drops acknowledged outbox rows whose set was written before `before` (retention's
 * OUTBOX_DAYS), oldest clientSeq first, `batchSize` rows per transaction; returns how many went.
 * Only a prefix goes: the rows kept stay contiguous, so a relay restored from a copy younger than
 * the window is healed from them. The last acknowledged row stays, naming the next push's previous set.
 */
export const pruneAcknowledged = async (db: LocketDatabase, before: number, batchSize: number): Promise<number> => {
  let pruned = 0;
  for (;;) {
    const dropped = await writeTransaction(db, ['outbox', 'meta'], async (tx) => {
      const { acked } = outboxStateOf(await tx.objectStore('meta').get(OUTBOX_STATE_KEY));
      let count = 0;
      let cursor = await tx.objectStore('outbox').index('bySeq').openCursor(IDBKeyRange.upperBound(acked, true));
      while (cursor && count < batchSize) {
        const written = parseHlc(cursor.value.setId)?.wallMs;
        if (written === undefined || written >= before) break;
        await cursor.delete();
        count += 1;
        cursor = await cursor.continue();
      }
      return count;
    });
    pruned += dropped;
    if (dropped < batchSize) return pruned;
  }
};

export const createOutbox = ({ db, codec, auditKeys }: Pick<StoreDeps, 'db' | 'codec' | 'auditKeys'>) => {
  const pending = async (limit: number): Promise<readonly OutboxEntry[]> => {
    if (limit <= 0) return [];
    const handed = await handOut(db, limit);
    await addErasedSince(db, auditKeys, handed);
    const withValues = handed.filter((entry): entry is Handed & { set: StoredChangeSet } => entry.set !== undefined && hasValues(entry.set));
    const decoded = await codec.decodeMany(withValues.map((entry) => entry.set.values), withValues.map((entry) => changeAad(entry.setId)));
    const valuesOf = new Map(withValues.map((entry, index) => [entry.setId, decoded[index]]));
    const erasedOf = await Promise.all(handed.map((entry) => openErased(codec, entry)));
    return handed.map((entry, index) => {
      const values = valuesOf.get(entry.setId);
      if (!entry.set) return { clientSeq: entry.clientSeq, prevSetId: entry.prevSetId, set: { setId: entry.setId, deviceId: '', author: '', items: [] } };
      const whole = syncSetOf(entry.set, Array.isArray(values) ? values : null, erasedOf[index] ?? [], entry.createdAt);
      // The relay refuses any edit of a purged id, and every device drops one: it goes out without them (vacant if nothing is left).
      const items = whole.items.filter((item) => isTerminalOp(item.op) || !entry.purgedSince.has(item.recordId));
      return { clientSeq: entry.clientSeq, prevSetId: entry.prevSetId, set: items.length === whole.items.length ? whole : { ...whole, items } };
    });
  };

  const pendingCount = async (): Promise<number> => {
    const tx = db.transaction(['outbox', 'meta']);
    const state = outboxStateOf(await tx.objectStore('meta').get(OUTBOX_STATE_KEY));
    const outbox = tx.objectStore('outbox');
    const [handedOut, unassigned] = await Promise.all([
      outbox.index('bySeq').count(IDBKeyRange.lowerBound(state.acked, true)),
      outbox.count(IDBKeyRange.lowerBound(state.assignedThrough, true)),
    ]);
    return handedOut + unassigned;
  };

  const acknowledge = (clientSeq: number): Promise<void> => writeTransaction(db, ['meta', 'outbox'], async (tx) => {
    const meta = tx.objectStore('meta');
    const state = outboxStateOf(await meta.get(OUTBOX_STATE_KEY));
    // Never backwards, and never past what was handed out.
    const acked = Math.min(Math.max(state.acked, clientSeq), state.lastSeq);
    if (acked === state.acked) return;
    await meta.put({ ...state, acked }, OUTBOX_STATE_KEY);
    // The relay has these sets: an erase set's plain ids have nobody left to tell here, so they go.
    let cursor = await tx.objectStore('outbox').index('bySeq').openCursor(IDBKeyRange.bound(state.acked, acked, true, false));
    while (cursor) {
      const { erased, ...row } = cursor.value;
      if (erased !== undefined) await cursor.update(row);
      cursor = await cursor.continue();
    }
  });

  const relayRegressed = (relayHolds: number, cursor: SyncCursor): Promise<void> => writeTransaction(db, ['meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    const state = outboxStateOf(await meta.get(OUTBOX_STATE_KEY));
    await Promise.all([
      meta.put({ ...state, acked: Math.max(0, Math.min(state.acked, relayHolds)) }, OUTBOX_STATE_KEY),
      meta.put(cursor, CURSOR_KEY),
    ]);
  });

  const cursor = async (): Promise<SyncCursor | null> => cursorOf(await db.get('meta', CURSOR_KEY));

  return { pending, pendingCount, acknowledge, relayRegressed, cursor };
};
