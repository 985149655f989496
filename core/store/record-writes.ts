import * as v from 'valibot';
import { linksOf } from '../records/links';
import { parseFields } from '../records/validate';
import type { RecordId, RecordKind, RecordMeta } from '../records/types';
import type { LocketStore, SaveResult, StoredRecord } from './contract';
import { deepEqual } from './deep-equal';
import { buildRecord, fieldsFromBody, isLive, metaOf, rowFor, trashedRow } from './record-rows';
import { announce, changeEntry, refusal, type StoreDeps } from './store-deps';
import { writeTransaction } from './transaction';

/** A patch is any object; only the kind's own field names are taken from it. */
const PatchSchema = v.record(v.string(), v.unknown());

/** How often an update re-reads a record that another context changed between read and write. */
const UPDATE_ATTEMPTS = 3;

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

export const createRecordWrites = (deps: StoreDeps): Pick<LocketStore, 'create' | 'update' | 'remove'> => {
  const { db, codec, clock } = deps;

  const create = async <K extends RecordKind>(kind: K, input: unknown): Promise<SaveResult<K>> => {
    const parsed = parseFields(kind, input);
    if (!parsed.ok) return parsed;
    const fields = parsed.value;
    const now = clock.now();
    const meta: RecordMeta<K> = { id: deps.newId(), kind, createdAt: now, updatedAt: now, deletedAt: null };
    // On create every field changed, so the body doubles as the change entry's values.
    const body = await codec.encode(fields);
    const row = rowFor(meta, linksOf(kind, fields), body);
    const change = changeEntry(deps, meta, 'create', Object.keys(fields), body);
    await writeTransaction(db, ['records', 'changes'], (tx) => Promise.all([
      tx.objectStore('records').add(row),
      tx.objectStore('changes').add(change),
    ]));
    announce(deps.bus, [meta]);
    return { ok: true, value: buildRecord(meta, fields) };
  };

  const update = async <K extends RecordKind>(id: RecordId, kind: K, patch: unknown): Promise<SaveResult<K>> => {
    const patchEntries = v.safeParse(PatchSchema, patch);
    if (!patchEntries.success) return refusal('These changes could not be read.');
    for (let attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
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
      const [body, values] = await codec.encodeMany([parsed.value, pick(parsed.value, changed)]);
      if (!body || !values) throw new Error('The codec returned fewer values than it was given');
      const nextRow = rowFor(next, linksOf(kind, parsed.value), body);
      const change = changeEntry(deps, next, 'update', changed, values);
      const written = await writeTransaction(db, ['records', 'changes'], async (tx) => {
        const latest = await tx.objectStore('records').get(id);
        // Written elsewhere since we read it: merging onto stale fields would lose that write.
        if (!latest || latest.updatedAt !== row.updatedAt || !isLive(latest)) return false;
        await Promise.all([tx.objectStore('records').put(nextRow), tx.objectStore('changes').add(change)]);
        return true;
      });
      if (written) {
        announce(deps.bus, [next]);
        return { ok: true, value: buildRecord(next, parsed.value) };
      }
    }
    throw new Error(`Record ${id} kept changing while it was being saved`);
  };

  const remove = async (id: RecordId): Promise<void> => {
    const now = clock.now();
    // Encoded before the transaction: the same values go with the record and each of its notes.
    const values = await codec.encode({ deletedAt: now });
    const trashed = await writeTransaction(db, ['records', 'changes'], async (tx) => {
      const records = tx.objectStore('records');
      const row = await records.get(id);
      if (!row || !isLive(row)) return [];
      const linked = await records.index('byLink').getAll(id);
      const notes = linked.filter((other) => other.kind === 'note' && isLive(other));
      const rows: StoredRecord[] = [row, ...notes];
      await Promise.all(rows.flatMap((target) => [
        records.put(trashedRow(target, now)),
        tx.objectStore('changes').add(changeEntry(deps, target, 'delete', ['deletedAt'], values)),
      ]));
      return rows;
    });
    announce(deps.bus, trashed);
  };

  return { create, update, remove };
};
