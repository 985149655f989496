/**
 * The outbox side of the replica: hands out contiguous clientSeqs in write order, keeps what
 * the relay acknowledged, and turns queued sets into SyncSets. Every state change is one
 * transaction; reading and decoding happen outside it.
 */
import * as v from 'valibot';
import { changeAad } from '../codec';
import { isTerminalOp, type StoredChangeSet } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';
import { writeTransaction } from '../db/transaction';
import type { LocketDatabase } from '../db/schema';
import type { OutboxEntry, SyncCursor } from '../sync/ports';
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
  readonly erased: readonly { readonly id: string; readonly kind: string }[];
  /** Ids the set edits that have been purged or erased since (here or, once pulled, elsewhere): their items stay here. */
  readonly purgedSince: ReadonlySet<string>;
}

/** Gives clientSeqs to rows that have none (dropping rows whose set is gone), then reads up to `limit` unacknowledged ones. */
const handOut = (db: LocketDatabase, limit: number): Promise<Handed[]> =>
  writeTransaction(db, ['outbox', 'changes', 'purged', 'meta'], async (tx) => {
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
    let prevSetId = before?.setId ?? null;
    const handed: Handed[] = [];
    for (const row of rows) {
      const set = await changes.get(row.setId);
      const erased = set?.changes.every((change) => change.op === 'erase')
        ? (await tx.objectStore('purged').index('bySet').getAll(row.setId)).map((tomb) => ({ id: tomb.recordId, kind: tomb.kind }))
        : [];
      const edited = [...new Set((set?.changes ?? []).filter((change) => !isTerminalOp(change.op)).map((change) => change.recordId))];
      const tombs = await Promise.all(edited.map((id) => tx.objectStore('purged').getKey(id)));
      const purgedSince = new Set(edited.filter((_, index) => tombs[index] !== undefined));
      handed.push({ clientSeq: row.clientSeq ?? 0, prevSetId, setId: row.setId, set, erased, purgedSince });
      prevSetId = row.setId;
    }
    return handed;
  });

const hasValues = (set: StoredChangeSet): boolean => set.changes.some((change) => change.op !== 'purge' && change.op !== 'erase');

export const createOutbox = ({ db, codec }: Pick<StoreDeps, 'db' | 'codec'>) => {
  const pending = async (limit: number): Promise<readonly OutboxEntry[]> => {
    if (limit <= 0) return [];
    const handed = await handOut(db, limit);
    const withValues = handed.filter((entry): entry is Handed & { set: StoredChangeSet } => entry.set !== undefined && hasValues(entry.set));
    const decoded = await codec.decodeMany(withValues.map((entry) => entry.set.values), withValues.map((entry) => changeAad(entry.setId)));
    const valuesOf = new Map(withValues.map((entry, index) => [entry.setId, decoded[index]]));
    return handed.map((entry) => {
      const values = valuesOf.get(entry.setId);
      if (!entry.set) return { clientSeq: entry.clientSeq, prevSetId: entry.prevSetId, set: { setId: entry.setId, deviceId: '', author: '', items: [] } };
      const whole = syncSetOf(entry.set, Array.isArray(values) ? values : null, entry.erased);
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

  const acknowledge = (clientSeq: number): Promise<void> => writeTransaction(db, ['meta'], async (tx) => {
    const meta = tx.objectStore('meta');
    const state = outboxStateOf(await meta.get(OUTBOX_STATE_KEY));
    // Never backwards, and never past what was handed out.
    const acked = Math.min(Math.max(state.acked, clientSeq), state.lastSeq);
    if (acked !== state.acked) await meta.put({ ...state, acked }, OUTBOX_STATE_KEY);
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
