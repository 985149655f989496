/**
 * Writes a prepared merge, convert or undo in one transaction: its rows, its one change set,
 * its undo receipt (written, or removed once used) and its audit entry commit together or
 * not at all. What the plan was built from is read again inside: any change means prepare again.
 */
import type { AuditEntry } from '../audit/audit-log';
import { deepEqual } from '../db/deep-equal';
import { announce, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE, type Participant, type Settled } from '../db/transaction';
import { addTombstones, appendChangeSet } from '../db/append-change-set';
import type { WritePlan } from './write-plan';
import type { StoredUndoReceipt } from './undo-receipt';
import { markUnloggedChange } from '../db/unlogged-mark';

export interface PreparedCommit<T> {
  readonly plan: WritePlan;
  /** The receipt row under its meta key as read before; the write is stale if it changed. */
  readonly receiptKey: string;
  readonly receiptBefore: unknown;
  /** The receipt row to leave, or null to remove it (an undo uses it up). */
  readonly receiptAfter: StoredUndoReceipt | null;
  readonly audit: () => Promise<Participant<AuditEntry>>;
  readonly result: T;
}

interface Done<T> {
  readonly result: T;
  readonly touched: WritePlan['touched'];
}

/** What prepare returns when it writes nothing (a refusal). */
export const nothingWritten = <T>(result: T): Settled<Done<T>> => settled({ result, touched: [] });

export const commitPlan = async <T>(
  deps: StoreDeps, subject: string, prepare: () => Promise<PreparedCommit<T> | Settled<Done<T>>>,
): Promise<T> => {
  const { value } = await retriedWrite(deps.db, {
    subject: { type: 'record', id: subject },
    stores: ['records', 'changes', 'outbox', 'purged', 'meta'],
    prepare,
    write: async (tx, { plan, receiptKey, receiptBefore, receiptAfter, result }) => {
      const records = tx.objectStore('records');
      const meta = tx.objectStore('meta');
      const ids = [...plan.expected.keys()];
      const [latest, receiptNow] = await Promise.all([Promise.all(ids.map((id) => records.get(id))), meta.get(receiptKey)]);
      if (ids.some((id, index) => !deepEqual(latest[index], plan.expected.get(id)))) return STALE;
      if (!deepEqual(receiptNow, receiptBefore)) return STALE;
      await Promise.all([
        ...plan.puts.map((row) => records.put(row)),
        ...plan.purged.map((row) => records.delete(row.id)),
        addTombstones(tx, plan.purged, plan.set.hlc, 'purge'),
        appendChangeSet(tx, plan.set),
        receiptAfter ? meta.put(receiptAfter, receiptKey) : meta.delete(receiptKey),
        ...(plan.purged.length > 0 ? [markUnloggedChange(meta)] : []),
      ]);
      return { result, touched: plan.touched } satisfies Done<T>;
    },
    receipt: ({ audit }) => audit(),
  });
  announce(deps.bus, value.touched);
  return value.result;
};
