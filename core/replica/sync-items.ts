/**
 * Between the local change log and sync's decrypted sets: a local set becomes a SyncSet to
 * push, and a remote item becomes a MergeItem to merge. Only core/replica reads item bodies.
 */
import * as v from 'valibot';
import type { ChangeSetItem, StoredChangeSet } from '../db/rows';
import type { SyncItem, SyncItemBody, SyncOp, SyncSet } from '../sync/ports';
import { SYNC_HINTS_KEY } from '../record-store/sync-hints';
import type { MergeItem } from './merge';

const HintsSchema = v.object({
  tagsAdded: v.optional(v.array(v.string())),
  tagsRemoved: v.optional(v.array(v.string())),
  basis: v.optional(v.record(v.string(), v.string())),
  /** A create's createdAt as its creator stored it: every device shows that one. */
  createdAt: v.optional(v.pipe(v.number(), v.finite())),
});
const ValuesSchema = v.record(v.string(), v.unknown());
const BodySchema = v.object({ changed: v.array(v.string()), values: ValuesSchema, ...HintsSchema.entries });

/** An import undo removes the records it created for good: elsewhere that is a purge. */
const syncOpOf = (change: ChangeSetItem): SyncOp =>
  (change.op === 'delete' && change.changed.includes('purgedAt') ? 'purge' : change.op);

const pick = (values: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(names.filter((name) => Object.hasOwn(values, name)).map((name) => [name, values[name]]));

/** The body of one local change: its changed fields' values and the hints merging needs. */
const bodyOf = (change: ChangeSetItem, decoded: unknown, createdAt: number | undefined): SyncItemBody => {
  const op = syncOpOf(change);
  if (op === 'purge' || op === 'erase') return { changed: [], values: {} };
  const values = v.parse(ValuesSchema, decoded);
  const hints = v.safeParse(HintsSchema, values[SYNC_HINTS_KEY]);
  return {
    changed: change.changed, values: pick(values, change.changed), ...(hints.success ? hints.output : {}),
    ...(op === 'create' && createdAt !== undefined ? { createdAt } : {}),
  };
};

/**
 * A local set as it is pushed. `decodedValues` is the set's values array (null for a set
 * without values: purge, erase); `erased` are the real ids behind an erase set's hashed items, opened from its outbox row;
 * `createdAt` the createdAt of the records the set creates, as stored here.
 */
export const syncSetOf = (
  set: StoredChangeSet, decodedValues: readonly unknown[] | null, erased: readonly { readonly id: string; readonly kind: string }[],
  createdAt: ReadonlyMap<string, number> = new Map(),
): SyncSet => {
  const erasure = set.changes.length > 0 && set.changes.every((change) => change.op === 'erase');
  const items: SyncItem[] = erasure
    ? erased.map((row) => ({ recordId: row.id, kind: row.kind, op: 'erase' as const, body: { changed: [], values: {} } }))
    : set.changes.map((change, index) => ({
      recordId: change.recordId, kind: change.kind, op: syncOpOf(change),
      body: bodyOf(change, decodedValues?.[index], createdAt.get(change.recordId)),
    }));
  return {
    setId: set.hlc, deviceId: set.deviceId, author: set.author, items,
    ...(set.batchId === undefined ? {} : { batchId: set.batchId }),
    ...(set.undoOf === undefined ? {} : { undoOf: set.undoOf }),
  };
};

/** A remote item as merging reads it; a body that does not parse carries no fields. */
export const mergeItemOf = (set: SyncSet, item: SyncItem): MergeItem => {
  const body = v.safeParse(BodySchema, item.body);
  const parsed = body.success ? body.output : { changed: [], values: {} };
  return {
    setId: set.setId, kind: item.kind, op: item.op, changed: parsed.changed, values: parsed.values, by: set.deviceId,
    ...(body.success && body.output.tagsAdded ? { tagsAdded: body.output.tagsAdded } : {}),
    ...(body.success && body.output.tagsRemoved ? { tagsRemoved: body.output.tagsRemoved } : {}),
    ...(body.success && body.output.basis ? { basis: body.output.basis } : {}),
    ...(body.success && body.output.createdAt !== undefined ? { createdAt: body.output.createdAt } : {}),
  };
};

/** The values a remote set is kept under in the local change log, aligned with its changes: as the local log keeps them. */
export const logValuesOf = (item: SyncItem): Record<string, unknown> => {
  const body = v.safeParse(BodySchema, item.body);
  if (!body.success) return {};
  const { changed: _changed, values, ...hints } = body.output;
  return Object.keys(hints).length > 0 ? { ...values, [SYNC_HINTS_KEY]: hints } : { ...values };
};
