/**
 * Past bulk changes, newest first, read back from the change log: a bulk batch's id starts with
 * BULK_BATCH_PREFIX, and what it did is read from its first set's (encrypted) values, so the
 * history stores nothing of its own.
 */
import * as v from 'valibot';
import { changeAad } from '../codec';
import { parseHlc } from '../hlc';
import { BULK_BATCH_PREFIX } from '../imports/import-batch-types';
import { readSets } from '../imports/import-batch-list';
import type { StoredChangeSet } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';
import { SYNC_HINTS_KEY } from '../record-store/sync-hints';
import { BULK_FIELDS, type BulkAction, type BulkChangeSummary } from './bulk-types';

const ValuesSchema = v.array(v.record(v.string(), v.unknown()));
const HintsSchema = v.object({ tagsAdded: v.optional(v.array(v.string()), []), tagsRemoved: v.optional(v.array(v.string()), []) });
const FieldValueSchema = v.nullable(v.string());

/** What the batch did, from its first set; null when its values cannot say (rewritten by an erasure). */
const actionOf = async (deps: StoreDeps, set: StoredChangeSet): Promise<BulkAction | null> => {
  const first = set.changes[0];
  if (!first) return null;
  if (first.op === 'delete') return { type: 'trash' };
  const values = v.safeParse(ValuesSchema, await deps.codec.decode(set.values, changeAad(set.hlc)));
  const value = values.success ? values.output[0] : undefined;
  if (!value || !values.success) return null;
  if (first.changed.includes('tags')) {
    // A rename adds the new tag except where the record had it already (a merge): look past those.
    const hints = values.output.map((each) => v.safeParse(HintsSchema, each[SYNC_HINTS_KEY])).flatMap((hint) => (hint.success ? [hint.output] : []));
    const added = hints.find((hint) => hint.tagsAdded.length > 0)?.tagsAdded[0];
    const removed = hints.find((hint) => hint.tagsRemoved.length > 0)?.tagsRemoved[0];
    if (added !== undefined && removed !== undefined) return { type: 'rename-tag', from: removed, to: added };
    if (added !== undefined) return { type: 'add-tag', tag: added };
    if (removed !== undefined) return { type: 'remove-tag', tag: removed };
    return null;
  }
  const field = BULK_FIELDS.find((name) => first.changed.includes(name));
  const fieldValue = v.safeParse(FieldValueSchema, field === undefined ? undefined : value[field]);
  return field !== undefined && fieldValue.success ? { type: 'set-field', field, value: fieldValue.output } : null;
};

export const createListBulkChanges = (deps: StoreDeps) => async (): Promise<BulkChangeSummary[]> => {
  const { db } = deps;
  const keys = await db.getAllKeysFromIndex('changes', 'byBatch', IDBKeyRange.bound(BULK_BATCH_PREFIX, `${BULK_BATCH_PREFIX}\uffff`));
  const batches = new Map<string, { first: StoredChangeSet; count: number }>();
  for (const set of await readSets(db, keys)) {
    if (set.batchId === undefined) continue;
    const batch = batches.get(set.batchId) ?? { first: set, count: 0 };
    // Notes that went to the trash with their record are not counted: the owner chose the records.
    batch.count += set.changes.filter((change) => change.kind !== 'note').length;
    batches.set(set.batchId, batch);
  }
  const summaries = await Promise.all([...batches].map(async ([batchId, { first, count }]): Promise<BulkChangeSummary | null> => {
    const action = await actionOf(deps, first);
    return action && {
      batchId, action, count,
      at: parseHlc(first.hlc)?.wallMs ?? 0,
      undone: (await db.countFromIndex('changes', 'byUndo', batchId)) > 0,
    };
  }));
  return summaries.filter((summary) => summary !== null).sort((a, b) => b.at - a.at || (a.batchId < b.batchId ? 1 : -1));
};
