import * as v from 'valibot';
import type { AuditLog } from '../audit/audit-log';
import { idHash } from '../audit/hash';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { FieldsByKind, RecordId, RecordKind, RecordMeta } from '../records/types';
import { changeAad, recordAad, type EncodedValue } from '../codec';
import type { RecordWrites, SaveResult } from './contract';
import { deepEqual } from '../db/deep-equal';
import { moveToTrash } from '../trash/move-to-trash';
import { buildRecord, fieldsFromBody, isLive, metaOf, rowFor } from '../db/record-rows';
import { announce, auditKeysOf, changeItem, changeSet, refusal, type StoreDeps } from '../db/store-deps';
import { retriedWrite, settled, STALE, writeTransaction } from '../db/transaction';
import { appendChangeSet } from '../db/append-change-set';
import { stampClocks } from '../db/field-clocks';
import { attributionIn, stampWrite, withAttribution } from '../db/attribution';
import { syncHints, tagEditOf } from './sync-hints';
import { taskDueOf } from '../tasks/due-instant';

/** A patch is any object; only the kind's own field names are taken from it. */
const PatchSchema = v.record(v.string(), v.unknown());

const asEntries = (fields: object): Readonly<Record<string, unknown>> => Object.fromEntries(Object.entries(fields));

const mergeKnownFields = (current: object, patch: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...asEntries(current) };
  for (const name of Object.keys(merged)) {
    if (Object.hasOwn(patch, name)) merged[name] = patch[name];
  }
  return merged;
};

const changedFieldNames = (before: object, after: object): string[] => {
  const old = asEntries(before);
  return Object.entries(after).filter(([name, value]) => !deepEqual(old[name], value)).map(([name]) => name);
};

const pick = (fields: object, names: readonly string[]): Record<string, unknown> => {
  const all = asEntries(fields);
  return Object.fromEntries(names.map((name) => [name, all[name]]));
};

/** The record's body and its change set's values (bound to the set's hlc), in one codec call. */
const bodyAndSetValues = async (
  codec: StoreDeps['codec'], meta: RecordMeta, body: object, setValues: readonly object[], hlc: string,
): Promise<[EncodedValue, EncodedValue]> => {
  const [encodedBody, encodedValues] = await codec.encodeMany([body, setValues], [recordAad(meta), changeAad(hlc)]);
  if (!encodedBody || !encodedValues) throw new Error('The codec returned fewer values than it was given');
  return [encodedBody, encodedValues];
};

export const createRecordWrites = (deps: StoreDeps, audit: AuditLog): Omit<RecordWrites, 'insertMany'> => {
  const { db, codec, clock } = deps;

  const create = async <K extends RecordKind>(kind: K, input: unknown): Promise<SaveResult<K>> => {
    const parsed = parseFields(kind, input);
    if (!parsed.ok) return parsed;
    const fields = parsed.value;
    const now = clock.now();
    const meta: RecordMeta<K> = { id: deps.newId(), kind, createdAt: now, updatedAt: now, deletedAt: null };
    // On create every field changed: the set's values are all the fields.
    const hlc = deps.hlc.tick();
    const attributed = withAttribution(fields, stampWrite(undefined, deps.deviceId, hlc, true));
    const [body, values] = await bodyAndSetValues(codec, meta, attributed, [fields], hlc);
    const row = stampClocks(rowFor(meta, linksOf(kind, fields), body, taskDueOf(kind, fields)), undefined, Object.keys(fields), hlc);
    const set = changeSet(deps, [changeItem(meta, 'create', Object.keys(fields))], values, hlc);
    await writeTransaction(db, ['records', 'changes', 'outbox'], (tx) => Promise.all([
      tx.objectStore('records').add(row),
      appendChangeSet(tx, set),
    ]));
    announce(deps.bus, [meta]);
    return { ok: true, value: buildRecord(meta, fields) };
  };

  const update = async <K extends RecordKind>(id: RecordId, kind: K, patch: unknown): Promise<SaveResult<K>> => {
    const patchEntries = v.safeParse(PatchSchema, patch);
    if (!patchEntries.success) return refusal({ type: 'changes-unreadable' });
    type Outcome = { readonly result: SaveResult<K>; readonly wrote: RecordMeta<K> | null };
    const unwritten = (result: SaveResult<K>) => settled<Outcome>({ result, wrote: null });
    const { value: { result, wrote } } = await retriedWrite(db, {
      subject: { type: 'record', id },
      stores: ['records', 'changes', 'outbox'],
      prepare: async () => {
        const row = await db.get('records', id);
        if (!row) return unwritten(refusal({ type: 'record-gone' }));
        if (row.kind !== kind) return unwritten(refusal({ type: 'record-of-other-kind', actual: row.kind, asked: kind }));
        if (!isLive(row)) return unwritten(refusal({ type: 'record-in-trash' }));
        const meta: RecordMeta<K> = { ...metaOf(row), kind };
        const decoded = await codec.decode(row.body, recordAad(row));
        const current = fieldsFromBody(row, kind, decoded);
        const parsed = parseFields(kind, mergeKnownFields(current, patchEntries.output));
        if (!parsed.ok) return unwritten(parsed);
        // Ticked before the change is known: the tags' new clocks are this set's. An unused tick costs nothing.
        const hlc = deps.hlc.tick();
        const tagEdit = tagEditOf(row, decoded, current, parsed.value, hlc);
        // Tags are a set: a reorder alone is no change, and the stored order is the set's.
        const fields: FieldsByKind[K] = { ...parsed.value, ...('tags' in current ? { tags: tagEdit?.tags ?? current.tags } : {}) };
        const changed = changedFieldNames(current, fields);
        if (changed.length === 0) return unwritten({ ok: true, value: buildRecord(meta, current) });
        const next: RecordMeta<K> = { ...meta, updatedAt: clock.now() };
        const sync = syncHints(row, decoded, tagEdit, changed);
        const [body, values] = await bodyAndSetValues(
          codec, next, withAttribution({ ...fields, ...sync.body }, stampWrite(attributionIn(decoded), deps.deviceId, hlc, false)), [{ ...pick(fields, changed), ...sync.values }], hlc,
        );
        const nextRow = stampClocks(rowFor(next, linksOf(kind, fields), body, taskDueOf(kind, fields)), row, changed, hlc);
        const set = changeSet(deps, [changeItem(next, 'update', changed)], values, hlc);
        return { row, nextRow, set, next, fields };
      },
      write: async (tx, { row, nextRow, set, next, fields }): Promise<Outcome | typeof STALE> => {
        const latest = await tx.objectStore('records').get(id);
        // Written elsewhere since we read it, even within the same millisecond: merging onto stale fields would lose that write.
        if (!latest || !deepEqual(latest, row)) return STALE;
        await Promise.all([tx.objectStore('records').put(nextRow), appendChangeSet(tx, set)]);
        return { result: { ok: true, value: buildRecord(next, fields) }, wrote: next };
      },
    });
    if (wrote) announce(deps.bus, [wrote]);
    return result;
  };

  /** The audit entry names the record by a hash of its id and counts the notes that went with it; it commits with the move. */
  const remove = async (id: RecordId): Promise<void> => {
    await moveToTrash(deps, [id], async (targets) => {
      const record = targets.find((row) => row.id === id);
      return record ? audit.stage({
        type: 'record-deleted',
        by: deps.author,
        subjects: [{ kind: record.kind, idHash: await idHash(auditKeysOf(deps), record.id) }],
        detail: { notes: targets.length - 1 },
      }) : null;
    });
  };

  return { create, update, remove };
};
