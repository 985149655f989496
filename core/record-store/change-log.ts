import * as v from 'valibot';
import { changeAad } from '../codec';
import type { RecordId } from '../records/types';
import type { ChangeEntry, RecentChanges } from './contract';
import { SYNC_HINTS_KEY } from './sync-hints';
import { isRecordChange, isTerminalOp, type StoredChangeSet } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';

/** A set's decoded values are untrusted: they must be one element per change... */
const SetValuesSchema = v.array(v.unknown());
/** ...and each element read back must be an object of field names to values. */
const ChangedValuesSchema = v.record(v.string(), v.unknown());

/** What merging elsewhere needs (record-store/sync-hints.ts) is not a field: history shows fields only. */
const withoutSyncHints = (values: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const { [SYNC_HINTS_KEY]: _hints, ...fields } = values;
  return fields;
};

/** The entries of one set that concern `id`, in the set's order, with the set's stamp and origin. */
const entriesFor = (set: StoredChangeSet, decoded: unknown, id: RecordId): ChangeEntry[] => {
  const values = v.safeParse(SetValuesSchema, decoded);
  if (!values.success || values.output.length !== set.changes.length) {
    throw new Error(`Change set ${set.hlc} holds values that do not line up with its ${set.changes.length} changes`);
  }
  const entries: ChangeEntry[] = [];
  set.changes.forEach((change, index) => {
    // A purge or erasure is not part of a record's history: after it there is no record to show one for.
    if (change.recordId !== id || isTerminalOp(change.op) || !isRecordChange(change)) return;
    const fields = v.safeParse(ChangedValuesSchema, values.output[index]);
    if (!fields.success) throw new Error(`Change set ${set.hlc} holds unreadable values for record ${id}`);
    entries.push({
      hlc: set.hlc,
      recordId: change.recordId,
      kind: change.kind,
      op: change.op,
      changed: change.changed,
      values: withoutSyncHints(fields.output),
      deviceId: set.deviceId,
      author: set.author,
    });
  });
  return entries;
};

const isPurgeSet = (set: StoredChangeSet): boolean => set.changes.every((change) => isTerminalOp(change.op));

/**
 * One record's history, oldest first: the byRecord index orders the sets of one record id
 * by their hlc key, and within a set the order is that of its changes. Each set's values
 * are encoded together, so every set that touched the record is decoded whole (one
 * codec call for all of them).
 */
export const readChangesFor = async (
  { db, codec }: Pick<StoreDeps, 'db' | 'codec'>,
  id: RecordId,
): Promise<ChangeEntry[]> => {
  // A purge set's values are plain empty objects, which an encrypting codec rightly refuses.
  const sets = (await db.getAllFromIndex('changes', 'byRecord', id)).filter((set) => !isPurgeSet(set));
  if (sets.length === 0) return [];
  const decoded = await codec.decodeMany(sets.map((set) => set.values), sets.map((set) => changeAad(set.hlc)));
  return sets.flatMap((set, index) => entriesFor(set, decoded[index], id));
};

/** The fields a set wrote for record `id`. */
const fieldsWritten = (set: StoredChangeSet, id: RecordId): string[] =>
  set.changes.flatMap((change) => (change.recordId === id ? change.changed : []));

/**
 * The `count` newest sets of a record's history older than `before` (all when null), without
 * decoding the rest: every set's clear part (which fields it wrote) is read, but only the page's
 * sets and, for each field they wrote, the latest older set that wrote it are decoded.
 */
export const readRecentChanges = async (
  { db, codec }: Pick<StoreDeps, 'db' | 'codec'>,
  id: RecordId,
  count: number,
  before: string | null,
): Promise<RecentChanges> => {
  const all = (await db.getAllFromIndex('changes', 'byRecord', id)).filter((set) => !isPurgeSet(set));
  const older = before === null ? all : all.filter((set) => set.hlc < before);
  const page = older.slice(Math.max(0, older.length - Math.max(1, count)));
  const rest = older.slice(0, older.length - page.length);
  const wanted = new Set(page.flatMap((set) => fieldsWritten(set, id)));
  const earlier: StoredChangeSet[] = [];
  // Newest first: the first set met that wrote a wanted field holds that field's earlier value.
  for (let index = rest.length - 1; index >= 0 && wanted.size > 0; index -= 1) {
    const set = rest[index];
    if (!set) continue;
    const written = fieldsWritten(set, id).filter((field) => wanted.has(field));
    if (written.length === 0) continue;
    earlier.unshift(set);
    for (const field of written) wanted.delete(field);
  }
  const sets = [...earlier, ...page];
  if (sets.length === 0) return { entries: [], earlier: [], next: null };
  const decoded = await codec.decodeMany(sets.map((set) => set.values), sets.map((set) => changeAad(set.hlc)));
  const entries = sets.map((set, index) => entriesFor(set, decoded[index], id));
  return {
    earlier: entries.slice(0, earlier.length).flat(),
    entries: entries.slice(earlier.length).flat(),
    next: rest.length > 0 ? page[0]?.hlc ?? null : null,
  };
};
