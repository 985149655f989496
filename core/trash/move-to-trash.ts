import type { AuditEntry } from '../audit/audit-log';
import { changeAad } from '../codec';
import { isDependentKind, type RecordId } from '../records/types';
import type { StoredRecord } from '../db/rows';
import { isLive, trashedRow } from '../db/record-rows';
import { announce, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE, type Participant } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';

/** The records' object store, in a readonly or a readwrite transaction. */
interface RecordLookup {
  readonly get: (id: RecordId) => Promise<StoredRecord | undefined>;
  readonly index: (name: 'byLink') => { readonly getAll: (id: RecordId) => Promise<StoredRecord[]> };
}

/**
 * What moving `ids` to the trash touches: each live record followed by its live notes, each
 * row once, in the order of `ids`.
 */
const trashTargets = async (records: RecordLookup, ids: readonly RecordId[]): Promise<StoredRecord[]> => {
  const perId = await Promise.all(ids.map(async (id) => {
    const [row, linked] = await Promise.all([records.get(id), records.index('byLink').getAll(id)]);
    if (!row || !isLive(row)) return [];
    return [row, ...linked.filter((other) => isDependentKind(other.kind) && isLive(other))];
  }));
  const seen = new Set<RecordId>();
  return perId.flat().filter((row) => !seen.has(row.id) && seen.add(row.id));
};

const sameIds = (a: readonly StoredRecord[], b: readonly StoredRecord[]): boolean =>
  a.length === b.length && a.every((row, index) => row.id === b[index]?.id);

/** The receipt that commits with a move, built from the rows it moves (before the move). */
export type TrashReceipt = (targets: readonly StoredRecord[]) => Promise<Participant<AuditEntry> | null>;

/**
 * Moves the live records among `ids`, with their live notes, to the trash in one transaction
 * with one change set (and `receipt`'s audit entry, if given), and announces them once it has
 * committed; `batchId` tags the set as part of a bulk change. Returns the rows as they were before the move (empty when nothing was live).
 *
 * The set's values are encoded before the transaction and depend on how many notes go along,
 * so the targets are read first and written only if the transaction finds the same ones.
 */
export const moveToTrash = async (
  deps: StoreDeps, ids: readonly RecordId[], receipt?: TrashReceipt, batchId?: string,
): Promise<StoredRecord[]> => {
  const { db, codec, clock } = deps;
  const { value: trashed } = await retriedWrite(db, {
    subject: { type: 'records-to-trash', asked: ids.length },
    stores: ['records', 'changes', 'outbox'],
    prepare: async () => {
      const expected = await trashTargets(db.transaction('records').store, ids);
      if (expected.length === 0) return settled<StoredRecord[]>([]);
      const now = clock.now();
      const hlc = deps.hlc.tick();
      const values = await codec.encode(expected.map(() => ({ deletedAt: now })), changeAad(hlc));
      const set = {
        ...changeSet(deps, expected.map((target) => changeItem(target, 'delete', ['deletedAt'])), values, hlc),
        // A bulk move is one batch, undone as one (imports/import-undo.ts).
        ...(batchId === undefined ? {} : { batchId }),
      };
      return { expected, now, set };
    },
    write: async (tx, { expected, now, set }) => {
      const records = tx.objectStore('records');
      const targets = await trashTargets(records, ids);
      // Trashed, or a note added or removed, since the read: the set would describe other rows.
      if (!sameIds(targets, expected)) return STALE;
      await Promise.all([
        ...targets.map((target) => records.put(trashedRow(target, now, deps.author, set.hlc))),
        appendChangeSet(tx, set),
      ]);
      return targets;
    },
    ...(receipt ? { receipt: ({ expected }: { readonly expected: readonly StoredRecord[] }) => receipt(expected) } : {}),
  });
  announce(deps.bus, trashed);
  return trashed;
};
