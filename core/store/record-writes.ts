import * as v from 'valibot';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { RecordId, RecordKind, RecordMeta } from '../records/types';
import type { EncodedValue } from '../codec';
import type { LocketStore, SaveResult, StoredRecord } from './contract';
import { deepEqual } from './deep-equal';
import { buildRecord, fieldsFromBody, isLive, metaOf, rowFor, trashedRow } from './record-rows';
import { announce, changeItem, changeSet, refusal, type StoreDeps } from './store-deps';
import { writeTransaction } from './transaction';

/** A patch is any object; only the kind's own field names are taken from it. */
const PatchSchema = v.record(v.string(), v.unknown());

/** How often an update or remove re-reads what another context changed between read and write. */
const WRITE_ATTEMPTS = 3;

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

/** The record's body and its change set's values, in one codec call. */
const bodyAndSetValues = async (codec: StoreDeps['codec'], body: object, setValues: readonly object[]): Promise<[EncodedValue, EncodedValue]> => {
  const [encodedBody, encodedValues] = await codec.encodeMany([body, setValues]);
  if (!encodedBody || !encodedValues) throw new Error('The codec returned fewer values than it was given');
  return [encodedBody, encodedValues];
};

/** The records' object store, in a readonly or a readwrite transaction. */
interface RecordLookup {
  readonly get: (id: RecordId) => Promise<StoredRecord | undefined>;
  readonly index: (name: 'byLink') => { readonly getAll: (id: RecordId) => Promise<StoredRecord[]> };
}

/** What a remove moves to the trash: the live record and its live notes, the record first. */
const trashTargets = async (records: RecordLookup, id: RecordId): Promise<StoredRecord[]> => {
  const [row, linked] = await Promise.all([records.get(id), records.index('byLink').getAll(id)]);
  if (!row || !isLive(row)) return [];
  return [row, ...linked.filter((other) => other.kind === 'note' && isLive(other))];
};

const sameIds = (a: readonly StoredRecord[], b: readonly StoredRecord[]): boolean =>
  a.length === b.length && a.every((row, index) => row.id === b[index]?.id);

export const createRecordWrites = (deps: StoreDeps): Pick<LocketStore, 'create' | 'update' | 'remove'> => {
  const { db, codec, clock } = deps;

  const create = async <K extends RecordKind>(kind: K, input: unknown): Promise<SaveResult<K>> => {
    const parsed = parseFields(kind, input);
    if (!parsed.ok) return parsed;
    const fields = parsed.value;
    const now = clock.now();
    const meta: RecordMeta<K> = { id: deps.newId(), kind, createdAt: now, updatedAt: now, deletedAt: null };
    // On create every field changed: the set's values are all the fields.
    const [body, values] = await bodyAndSetValues(codec, fields, [fields]);
    const row = rowFor(meta, linksOf(kind, fields), body);
    const set = changeSet(deps, [changeItem(meta, 'create', Object.keys(fields))], values);
    await writeTransaction(db, ['records', 'changes'], (tx) => Promise.all([
      tx.objectStore('records').add(row),
      tx.objectStore('changes').add(set),
    ]));
    announce(deps.bus, [meta]);
    return { ok: true, value: buildRecord(meta, fields) };
  };

  const update = async <K extends RecordKind>(id: RecordId, kind: K, patch: unknown): Promise<SaveResult<K>> => {
    const patchEntries = v.safeParse(PatchSchema, patch);
    if (!patchEntries.success) return refusal('These changes could not be read.');
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const row = await db.get('records', id);
      if (!row) return refusal('This record no longer exists.');
      if (row.kind !== kind) return refusal(`This record is a ${row.kind}, not a ${kind}.`);
      if (!isLive(row)) return refusal('This record is in the trash.');
      const meta: RecordMeta<K> = { ...metaOf(row), kind };
      const current = fieldsFromBody(row, kind, await codec.decode(row.body));
      const parsed = parseFields(kind, mergeKnownFields(current, patchEntries.output));
      if (!parsed.ok) return parsed;
      const changed = changedFieldNames(current, parsed.value);
      if (changed.length === 0) return { ok: true, value: buildRecord(meta, current) };

      const next: RecordMeta<K> = { ...meta, updatedAt: clock.now() };
      const [body, values] = await bodyAndSetValues(codec, parsed.value, [pick(parsed.value, changed)]);
      const nextRow = rowFor(next, linksOf(kind, parsed.value), body);
      const set = changeSet(deps, [changeItem(next, 'update', changed)], values);
      const written = await writeTransaction(db, ['records', 'changes'], async (tx) => {
        const latest = await tx.objectStore('records').get(id);
        // Written elsewhere since we read it: merging onto stale fields would lose that write.
        if (!latest || latest.updatedAt !== row.updatedAt || !isLive(latest)) return false;
        await Promise.all([tx.objectStore('records').put(nextRow), tx.objectStore('changes').add(set)]);
        return true;
      });
      if (written) {
        announce(deps.bus, [next]);
        return { ok: true, value: buildRecord(next, parsed.value) };
      }
    }
    throw new Error(`Record ${id} kept changing while it was being saved`);
  };

  /**
   * The set's values must be encoded before the transaction, and they depend on how many
   * notes go with the record: read the targets first, then write only if the transaction
   * finds the same ones.
   */
  const remove = async (id: RecordId): Promise<void> => {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const expected = await trashTargets(db.transaction('records').store, id);
      if (expected.length === 0) return;
      const now = clock.now();
      const deletion = { deletedAt: now };
      const values = await codec.encode(expected.map(() => deletion));
      const set = changeSet(deps, expected.map((target) => changeItem(target, 'delete', ['deletedAt'])), values);
      const trashed = await writeTransaction(db, ['records', 'changes'], async (tx) => {
        const records = tx.objectStore('records');
        const targets = await trashTargets(records, id);
        // Trashed, or a note added or removed, since the read: the set would describe other rows.
        if (!sameIds(targets, expected)) return undefined;
        await Promise.all([
          ...targets.map((target) => records.put(trashedRow(target, now))),
          tx.objectStore('changes').add(set),
        ]);
        return targets;
      });
      if (trashed) {
        announce(deps.bus, trashed);
        return;
      }
    }
    throw new Error(`Record ${id} kept changing while it was being removed`);
  };

  return { create, update, remove };
};
