import { recordAad, type EncodedValue, type ValueCodec } from '../codec';
import { parseFields } from '../records/validate';
import type { FieldsByKind, LocketRecord, RecordKind, RecordMeta } from '../records/types';
import type { StoredRecord } from './rows';
import { DELETED_AT, stampClocks } from './field-clocks';
import type { TaskDue } from '../tasks/due-instant';

/**
 * Joins a record's clear meta with its fields. TypeScript cannot see that a generic K picks
 * one branch of the distributive LocketRecord type, so this is the one place that says so.
 */
export const buildRecord = <K extends RecordKind>(meta: RecordMeta<K>, fields: FieldsByKind[K]): LocketRecord<K> => {
  const record: RecordMeta<K> & { readonly fields: FieldsByKind[K] } = {
    id: meta.id, kind: meta.kind, createdAt: meta.createdAt, updatedAt: meta.updatedAt, deletedAt: meta.deletedAt, fields,
  };
  return record as LocketRecord<K>;
};

/**
 * The row to store. A live row carries listKey (and an open task its dueKey and remindKey);
 * a trashed one must not, or lists and reminders would show it.
 */
// `due` is required (undefined for all but open dated tasks), so no writer can forget a task's reminder keys.
export const rowFor = (meta: RecordMeta, links: readonly string[], body: EncodedValue, due: TaskDue | undefined): StoredRecord => {
  const row: StoredRecord = {
    id: meta.id, kind: meta.kind, createdAt: meta.createdAt, updatedAt: meta.updatedAt,
    deletedAt: meta.deletedAt, links, body, ...(due ? { due } : {}),
  };
  if (meta.deletedAt !== null) return row;
  const dueKeys = due ? { dueKey: due.at, ...(due.remindAt === null ? {} : { remindKey: due.remindAt }) } : {};
  return { ...row, listKey: [meta.kind, meta.updatedAt], ...dueKeys };
};

/** The same row moved to the trash at `now` by `by` (the change log's author id), by the set `hlc`. */
export const trashedRow = (row: StoredRecord, now: number, by: string, hlc: string): StoredRecord => stampClocks({
  ...rowFor({ ...metaOf(row), updatedAt: now, deletedAt: now }, row.links, row.body, row.due),
  deletedBy: by,
}, row, [DELETED_AT], hlc);

/** The same row back from the trash by the set `hlc`: listed again, no deletedAt, no deletedBy. */
export const restoredRow = (row: StoredRecord, now: number, hlc: string): StoredRecord =>
  stampClocks(rowFor({ ...metaOf(row), updatedAt: now, deletedAt: null }, row.links, row.body, row.due), row, [DELETED_AT], hlc);

export const metaOf = (row: StoredRecord): RecordMeta => ({
  id: row.id, kind: row.kind, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt,
});

/**
 * A decoded body is untrusted (another version, a restore, a tampered database): it becomes
 * fields only through the same validation as user input. The error names the record and the
 * failing field names, never their values.
 */
export const fieldsFromBody = <K extends RecordKind>(row: StoredRecord, kind: K, decoded: unknown): FieldsByKind[K] => {
  const parsed = parseFields(kind, decoded);
  if (!parsed.ok) {
    const fields = Object.keys(parsed.error).join(', ');
    throw new Error(`Stored record ${row.id} (${row.kind}) holds invalid fields: ${fields}`);
  }
  return parsed.value;
};

export const recordFromBody = (row: StoredRecord, decoded: unknown): LocketRecord =>
  buildRecord(metaOf(row), fieldsFromBody(row, row.kind, decoded));

/** Decodes rows in one codec call (an encrypting codec batches its work); keeps their order. */
export const recordsFromRows = async (codec: ValueCodec, rows: readonly StoredRecord[]): Promise<LocketRecord[]> => {
  if (rows.length === 0) return [];
  const bodies = await codec.decodeMany(rows.map((row) => row.body), rows.map(recordAad));
  return rows.map((row, index) => recordFromBody(row, bodies[index]));
};

export const recordFromRow = async (codec: ValueCodec, row: StoredRecord): Promise<LocketRecord> =>
  recordFromBody(row, await codec.decode(row.body, recordAad(row)));

export const isLive = (row: StoredRecord): boolean => row.deletedAt === null;
