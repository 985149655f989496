/**
 * Converts a person into an organisation, or back, as a new record of the other kind: a
 * record's id and kind never change (its body is sealed to both), and a new record keeps sync
 * simple, since other devices learn of a create, link moves and a trash they already merge.
 * Every live record pointing at the old one points at the new one, a note on the new one says
 * where it came from, and the old one goes to the trash: one transaction with its audit entry
 * and undo receipt. An organisation that people belong to is refused: a person cannot have people.
 */
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { parseFields } from '../records/validate';
import type { FieldsByKind } from '../records/types';
import { auditKeysOf, type StoreDeps } from '../db/store-deps';
import { isLive } from '../db/record-rows';
import type { MergeStore } from './contract';
import { commitPlan } from './merge-commit';
import { createWritePlan } from './write-plan';
import { decodeRows, readRows } from './read-records';
import { sealReceipt, undoReceiptKey } from './undo-receipt';
import { isPartyKind, planLinkMoves, planNote, refused, type MergeResult } from './merge-records';
import { organisationAsPerson, otherPartyKind, personAsOrganisation } from './convert-fields';

export const createConvertRecord = (deps: StoreDeps, audit: AuditLog): MergeStore['convertRecord'] => async ({ id, note }) =>
  commitPlan<MergeResult>(deps, id, async () => {
    const { rows, linkers } = await readRows(deps, [id], id);
    const row = rows.get(id);
    if (!row) return refused({ type: 'record-gone' });
    if (!isLive(row)) return refused({ type: 'record-in-trash' });
    const kind = row.kind;
    if (!isPartyKind(kind)) return refused({ type: 'not-a-party' });
    const people = linkers.filter((linker) => linker.kind === 'person');
    if (people.length > 0) return refused({ type: 'has-people', count: people.length });
    const [original, ...linked] = await decodeRows(deps, [row, ...linkers]);
    if (!original) return refused({ type: 'record-gone' });
    const target = otherPartyKind(kind);
    const converted = parseFields(target, kind === 'person'
      ? personAsOrganisation(original.fields as FieldsByKind['person'])
      : organisationAsPerson(original.fields as FieldsByKind['organisation']));
    if (!converted.ok) return refused({ type: 'invalid-fields', errors: converted.error });

    const plan = createWritePlan(deps);
    const newId = plan.create(target, converted.value);
    const moved = planLinkMoves(plan, linked, newId);
    if (!moved.ok) return refused(moved.error);
    plan.trash(row);
    const noteId = planNote(plan, newId, note);
    if (!noteId.ok) return refused(noteId.error);

    const undoId = deps.newId();
    const receipt = await sealReceipt(deps.codec, undoId, {
      act: 'convert', hlc: plan.hlc, survivorId: newId, otherId: id, createdIds: [newId, noteId.value], moved: moved.value, survivorBefore: null,
    }, plan.now);
    const keys = auditKeysOf(deps);
    const subjects = [{ kind, idHash: await idHash(keys, id) }, { kind: target, idHash: await idHash(keys, newId) }];
    return {
      plan: await plan.finish(),
      receiptKey: undoReceiptKey(undoId),
      receiptBefore: undefined,
      receiptAfter: receipt,
      audit: () => audit.stage({ type: 'record-converted', by: deps.author, subjects, detail: { moved: moved.value.length, undoId } }),
      result: { ok: true, value: { undoId, survivorId: newId, trashedId: id, moved: moved.value.length } },
    };
  });
