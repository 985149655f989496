/**
 * Undoes a merge or a convert as one write, from its receipt (undo-receipt.ts): the other
 * record comes back from the trash, the links the act moved point at it again, and what the
 * act created (its note; for a convert, the new record) is removed for good. After a merge the
 * survivor gets its earlier fields back; a survivor changed since is refused rather than
 * overwritten. Records linked to a converted record since the convert move back with the rest,
 * since the new record goes. The receipt is used up in the same transaction.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { parseFields } from '../records/validate';
import type { RecordId } from '../records/types';
import type { Result } from '../result';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { isLive } from '../db/record-rows';
import type { MergeRefusal, MergeStore } from './contract';
import { commitPlan, nothingWritten } from './merge-commit';
import { createWritePlan } from './write-plan';
import { changedSince, decodeRows, readRows, relinked } from './read-records';
import { openReceipt, undoReceiptKey } from './undo-receipt';

type UndoResult = Result<{ readonly restoredId: RecordId }, MergeRefusal>;
const refused = (error: MergeRefusal) => nothingWritten<UndoResult>({ ok: false, error });

export const createUndoMerge = (deps: StoreDeps, audit: AuditLog): MergeStore['undoMerge'] => async (undoId) => {
  const key = undoReceiptKey(undoId);
  return commitPlan<UndoResult>(deps, undoId, async () => {
    const raw: unknown = await deps.db.get('meta', key);
    const opened = await openReceipt(deps.codec, undoId, raw);
    if (!opened) return refused({ type: 'nothing-to-undo' });
    const { receipt } = opened;
    const { survivorId, otherId } = receipt;
    const convert = receipt.act === 'convert';
    const movedIds = receipt.moved.map((link) => link.id);
    const { rows, linkers } = await readRows(deps, [survivorId, otherId, ...receipt.createdIds, ...movedIds], convert ? survivorId : null);
    const survivorRow = rows.get(survivorId);
    const otherRow = rows.get(otherId);
    if (!otherRow) return refused({ type: 'other-purged' });
    if (!survivorRow || !isLive(survivorRow) || await changedSince(deps, survivorId, receipt.hlc)) return refused({ type: 'changed-since' });

    const created = new Set(receipt.createdIds);
    // After a convert everything on the new record goes back; after a merge, only what the merge moved.
    const goingBack = convert
      ? linkers.filter((row) => !created.has(row.id))
      : movedIds.flatMap((id) => { const row = rows.get(id); return row && isLive(row) ? [row] : []; });
    const [survivor, ...linked] = await decodeRows(deps, [survivorRow, ...goingBack]);
    if (!survivor) return refused({ type: 'changed-since' });

    const plan = createWritePlan(deps);
    for (const read of linked) {
      const field = receipt.moved.find((link) => link.id === read.row.id)?.field ?? (read.row.kind === 'note' ? 'recordId' : 'partyId');
      if (Object.fromEntries(Object.entries(read.fields))[field] !== survivorId) continue;
      const parsed = parseFields(read.row.kind, relinked(read, field, otherId));
      if (!parsed.ok) return refused({ type: 'invalid-fields', errors: parsed.error });
      plan.update(read, parsed.value);
    }
    if (receipt.survivorBefore) {
      const before = parseFields(survivorRow.kind, receipt.survivorBefore);
      if (!before.ok) return refused({ type: 'invalid-fields', errors: before.error });
      plan.update(survivor, before.value);
    }
    if (!isLive(otherRow)) plan.restore(otherRow);
    for (const id of receipt.createdIds) {
      const row = rows.get(id);
      if (row) plan.purge(row);
    }
    const keys = auditKeysOf(deps);
    const subjects = [{ kind: otherRow.kind, idHash: await idHash(keys, otherId) }, { kind: survivorRow.kind, idHash: await idHash(keys, survivorId) }];
    return {
      plan: await plan.finish(),
      receiptKey: key,
      receiptBefore: raw,
      receiptAfter: null,
      audit: () => audit.stage({ type: 'merge-undone', by: deps.author, subjects, detail: { act: receipt.act, undoId } }),
      result: { ok: true, value: { restoredId: otherId } },
    };
  });
};
