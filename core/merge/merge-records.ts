/**
 * Merges two people (or two organisations) in one write: the survivor takes the chosen fields
 * and the united lists, every live record pointing at the other (notes, cases, opportunities,
 * people of an organisation) points at the survivor, a note on the survivor says what was
 * merged, and the other goes to the trash alone (its notes have moved). The undo receipt and
 * the audit entry commit with it.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { parseFields } from '../records/validate';
import type { FieldsByKind, RecordId, RecordKind } from '../records/types';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { isLive } from '../db/record-rows';
import type { Result } from '../result';
import { PARTY_KINDS, type MergeOutcome, type MergeRefusal, type MergeStore, type PartyKind } from './contract';
import { mergeFields } from './merge-fields';
import { commitPlan, nothingWritten } from './merge-commit';
import { createWritePlan, type ReadRecord, type WritePlanBuilder } from './write-plan';
import { decodeRows, linkFieldOf, readRows, relinked } from './read-records';
import { sealReceipt, undoReceiptKey, type MovedLink } from './undo-receipt';

export type MergeResult = Result<MergeOutcome, MergeRefusal>;

export const isPartyKind = (kind: RecordKind): kind is PartyKind => (PARTY_KINDS as readonly string[]).includes(kind);

export const refused = (error: MergeRefusal) => nothingWritten<MergeResult>({ ok: false, error });

/** Plans every live linker of `from` to point at `to`; returns what moved, or a refusal when a relinked record fails validation. */
export const planLinkMoves = (
  plan: WritePlanBuilder, linkers: readonly ReadRecord[], to: RecordId,
): Result<MovedLink[], MergeRefusal> => {
  const moved: MovedLink[] = [];
  for (const linker of linkers) {
    const field = linkFieldOf(linker.row.kind);
    if (field === null) continue;
    const parsed = parseFields(linker.row.kind, relinked(linker, field, to));
    if (!parsed.ok) return { ok: false, error: { type: 'invalid-fields', errors: parsed.error } };
    plan.update(linker, parsed.value);
    moved.push({ id: linker.row.id, field });
  }
  return { ok: true, value: moved };
};

/** The note the act leaves on `recordId`, planned as a new record. */
export const planNote = (plan: WritePlanBuilder, recordId: RecordId, body: string): Result<RecordId, MergeRefusal> => {
  const note = parseFields('note', { body, recordId, sourceUrl: null, capturedAt: null });
  return note.ok ? { ok: true, value: plan.create('note', note.value) } : { ok: false, error: { type: 'invalid-fields', errors: note.error } };
};

export const createMergeRecords = (deps: StoreDeps, audit: AuditLog): MergeStore['mergeRecords'] => async (request) => {
  const { survivorId, otherId, choices } = request;
  return commitPlan<MergeResult>(deps, otherId, async () => {
    if (survivorId === otherId) return refused({ type: 'same-record' });
    const { rows, linkers } = await readRows(deps, [survivorId, otherId], otherId);
    const survivorRow = rows.get(survivorId);
    const otherRow = rows.get(otherId);
    if (!survivorRow || !otherRow) return refused({ type: 'record-gone' });
    if (!isLive(survivorRow) || !isLive(otherRow)) return refused({ type: 'record-in-trash' });
    const kind = survivorRow.kind;
    if (!isPartyKind(kind)) return refused({ type: 'not-a-party' });
    if (otherRow.kind !== kind) return refused({ type: 'kinds-differ' });
    const [survivor, other, ...linked] = await decodeRows(deps, [survivorRow, otherRow, ...linkers.filter((row) => row.id !== survivorId)]);
    if (!survivor || !other) return refused({ type: 'record-gone' });
    const merged = parseFields(kind, mergeFields(kind, survivor.fields as FieldsByKind[typeof kind], other.fields as FieldsByKind[typeof kind], choices));
    if (!merged.ok) return refused({ type: 'invalid-fields', errors: merged.error });

    const plan = createWritePlan(deps);
    plan.update(survivor, merged.value);
    const moved = planLinkMoves(plan, linked, survivorId);
    if (!moved.ok) return refused(moved.error);
    plan.trash(otherRow);
    const noteId = planNote(plan, survivorId, request.note);
    if (!noteId.ok) return refused(noteId.error);

    const undoId = deps.newId();
    const receipt = await sealReceipt(deps.codec, undoId, {
      act: 'merge', hlc: plan.hlc, survivorId, otherId, createdIds: [noteId.value], moved: moved.value, survivorBefore: { ...survivor.fields },
    }, plan.now);
    const keys = auditKeysOf(deps);
    const subjects = [{ kind, idHash: await idHash(keys, survivorId) }, { kind, idHash: await idHash(keys, otherId) }];
    return {
      plan: await plan.finish(),
      receiptKey: undoReceiptKey(undoId),
      receiptBefore: undefined,
      receiptAfter: receipt,
      audit: () => audit.stage({ type: 'records-merged', by: deps.author, subjects, detail: { moved: moved.value.length, undoId } }),
      result: { ok: true, value: { undoId, survivorId, trashedId: otherId, moved: moved.value.length } },
    };
  });
};
