/** Reading what a merge, convert or undo works on: rows with their decoded fields, and who links to a record. */
import { recordAad } from '../codec';
import type { RecordId, RecordKind } from '../records/types';
import type { StoredRecord } from '../db/rows';
import { fieldsFromBody, isLive } from '../db/record-rows';
import type { StoreDeps } from '../db/store-deps';
import type { ReadRecord } from './write-plan';
import type { MovedLink } from './undo-receipt';

/** The field through which a record of `kind` points at a person or organisation. */
export const linkFieldOf = (kind: RecordKind): MovedLink['field'] | null => {
  switch (kind) {
    case 'note': case 'task': case 'activity': return 'recordId';
    case 'case': case 'opportunity': return 'partyId';
    case 'person': return 'organisationId';
    default: return null;
  }
};

/** Rows by id as they are now (absent ids are left out), and the live records that link to `linkedTo`. */
export const readRows = async (
  deps: StoreDeps, ids: readonly RecordId[], linkedTo: RecordId | null = null,
): Promise<{ readonly rows: ReadonlyMap<RecordId, StoredRecord>; readonly linkers: readonly StoredRecord[] }> => {
  const store = deps.db.transaction('records').store;
  const [rows, linkers] = await Promise.all([
    Promise.all(ids.map((id) => store.get(id))),
    linkedTo === null ? Promise.resolve([]) : store.index('byLink').getAll(linkedTo),
  ]);
  const found = rows.filter((row): row is StoredRecord => row !== undefined);
  return { rows: new Map(found.map((row) => [row.id, row])), linkers: linkers.filter(isLive) };
};

/** Decodes rows in one codec call, each validated into its kind's fields. */
export const decodeRows = async (deps: StoreDeps, rows: readonly StoredRecord[]): Promise<ReadRecord[]> => {
  if (rows.length === 0) return [];
  const decoded = await deps.codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad));
  return rows.map((row, index) => ({ row, decoded: decoded[index], fields: fieldsFromBody(row, row.kind, decoded[index]) }));
};

/** The fields with the link field pointing at `to` instead. */
export const relinked = (read: ReadRecord, field: MovedLink['field'], to: RecordId): Record<string, unknown> =>
  ({ ...read.fields, [field]: to });

/** Whether a change set after `hlc` touched the record. */
export const changedSince = async (deps: StoreDeps, id: RecordId, hlc: string): Promise<boolean> => {
  const keys = await deps.db.getAllKeysFromIndex('changes', 'byRecord', id);
  return keys.some((key) => key > hlc);
};
