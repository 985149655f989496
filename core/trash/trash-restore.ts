import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { changeAad } from '../codec';
import type { LocketRecord, RecordId } from '../records/types';
import type { Result } from '../result';
import type { TrashRestoreRefusal, TrashStore } from './contract';
import type { StoredRecord } from '../db/rows';
import { recordFromRow, restoredRow } from '../db/record-rows';
import { announce, auditKeysOf, changeItem, changeSet, type StoreDeps } from '../db/store-deps';
import { notesTrashedWith, noteTarget, type RecordLookup } from '../db/trash-rows';
import { retriedWrite, settled, STALE } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';

interface Restorable {
  readonly row: StoredRecord;
  /** The notes trashed with it; they come back with it. */
  readonly notes: readonly StoredRecord[];
}

/** What a restore would bring back, or why it cannot. */
const readRestorable = async (records: RecordLookup, id: RecordId): Promise<Result<Restorable, TrashRestoreRefusal>> => {
  const row = await records.get(id);
  if (!row) return { ok: false, error: { type: 'purged' } };
  if (row.deletedAt === null) return { ok: false, error: { type: 'not-in-trash' } };
  const target = noteTarget(row);
  const owner = target === undefined ? undefined : await records.get(target);
  if (owner && owner.deletedAt !== null) return { ok: false, error: { type: 'owner-in-trash' } };
  return { ok: true, value: { row, notes: await notesTrashedWith(records, row) } };
};

const stamps = ({ row, notes }: Restorable): string =>
  [row, ...notes].map((each) => `${each.id}@${each.updatedAt}`).sort().join('|');

/**
 * Brings a record back from the trash with the notes trashed with it, in one transaction
 * with one `restore` change set and its audit entry. Links were never removed, so they are as they were.
 */
export const createRestore = (deps: StoreDeps, audit: AuditLog): TrashStore['restore'] => async (id) => {
  const { db, codec, clock } = deps;
  const { value: outcome } = await retriedWrite(db, {
    subject: { type: 'record', id },
    stores: ['records', 'changes', 'outbox'],
    prepare: async () => {
      const read = await readRestorable(db.transaction('records').store, id);
      if (!read.ok) return settled<Result<Restorable & { readonly now: number; readonly hlc: string }, TrashRestoreRefusal>>(read);
      const targets = [read.value.row, ...read.value.notes];
      const now = clock.now();
      const hlc = deps.hlc.tick();
      const values = await codec.encode(targets.map(() => ({ deletedAt: null })), changeAad(hlc));
      const set = changeSet(deps, targets.map((target) => changeItem(target, 'restore', ['deletedAt'])), values, hlc);
      return { read: read.value, targets, now, set };
    },
    write: async (tx, { read, targets, now, set }) => {
      const records = tx.objectStore('records');
      const again = await readRestorable(records, id);
      // Restored, purged, or a note trashed with it since the read: the set would describe other rows.
      if (!again.ok || stamps(again.value) !== stamps(read)) return STALE;
      await Promise.all([...targets.map((target) => records.put(restoredRow(target, now, set.hlc))), appendChangeSet(tx, set)]);
      return { ok: true, value: { ...read, now, hlc: set.hlc } } as const;
    },
    receipt: async ({ read }) => audit.stage({
      type: 'record-restored',
      by: deps.author,
      subjects: [{ kind: read.row.kind, idHash: await idHash(auditKeysOf(deps), id) }],
      detail: { notes: read.notes.length },
    }),
  });
  if (!outcome.ok) return outcome;
  const { row, notes, now, hlc } = outcome.value;
  announce(deps.bus, [row, ...notes]);
  const record: LocketRecord = await recordFromRow(codec, restoredRow(row, now, hlc));
  return { ok: true, value: record };
};
