import type { Hlc } from '../hlc';
import { CREATED_AT, DELETED_AT } from '../db/field-clocks';
import { rowFor } from '../db/record-rows';
import type { StoredRecord } from '../db/rows';
import type { StoreDeps } from '../db/store-deps';
import { TAG_CLOCKS_KEY, tagClocksIn } from '../db/tag-clocks';
import { ATTRIBUTION_KEY, attributionIn, withAttribution } from '../db/attribution';
import { linksOf } from '../records/links';
import type { RecordId } from '../records/types';
import { parseFields } from '../records/validate';
import { conflictedFieldsOf, type MergeOutcome, type MergeRow } from './merge';
import { taskDueOf } from '../tasks/due-instant';

/** What the replica is built from: a store's deps, with a clock that also receives remote stamps. */
export interface ReplicaDeps extends Omit<StoreDeps, 'hlc'> {
  readonly hlc: Pick<Hlc, 'tick' | 'receive' | 'adopt'>;
}

/** A stored row, decoded, as merging sees it. The body's fields are taken as stored; validation comes after the merge. */
export const localOutcomeOf = (row: StoredRecord, decoded: unknown): MergeOutcome => {
  const { [TAG_CLOCKS_KEY]: _clocks, [ATTRIBUTION_KEY]: _by, ...fields } = (decoded !== null && typeof decoded === 'object' ? decoded : {}) as Record<string, unknown>;
  const tagClocks = tagClocksIn(decoded);
  const attribution = attributionIn(decoded);
  return {
    type: 'row',
    row: {
      kind: row.kind, fields, fieldClocks: row.fieldClocks ?? {}, deletedAt: row.deletedAt, createdAt: row.createdAt,
      ...(tagClocks ? { tagClocks } : {}),
      ...(row.textClocks ? { textClocks: row.textClocks } : {}),
      ...(attribution ? { attribution } : {}),
      ...(row.deletedBy === undefined ? {} : { deletedBy: row.deletedBy }),
    },
  };
};

/**
 * The row to store for a merged record, with the body still to encode; undefined while the
 * merge holds no valid record (an edit whose create has not arrived): nothing is written for it.
 * Times follow the sets: createdAt is the one the create carried (until the create arrives, the
 * wall time of the oldest field clock), updatedAt the newest set's wall time.
 */
export const nextRowOf = (
  id: RecordId, before: StoredRecord | undefined, merged: MergeRow, newestWall: number,
): { readonly row: StoredRecord; readonly body: object } | undefined => {
  if (merged.kind !== before?.kind && before) return undefined;
  const kind = before?.kind ?? merged.kind;
  const parsed = parseFields(kind as StoredRecord['kind'], merged.fields);
  if (!parsed.ok) return undefined;
  const fields = parsed.value;
  const createdAt = merged.createdAt ?? before?.createdAt ?? newestWallOfCreate(merged, newestWall);
  const updatedAt = Math.max(before?.updatedAt ?? 0, newestWall);
  const meta = { id, kind: kind as StoredRecord['kind'], createdAt, updatedAt, deletedAt: merged.deletedAt };
  const conflicted = conflictedFieldsOf(merged);
  const trashedBy = merged.deletedAt === null ? undefined : merged.deletedBy ?? before?.deletedBy ?? 'owner';
  const row: StoredRecord = {
    ...rowFor(meta, linksOf(kind as StoredRecord['kind'], fields as never), before?.body ?? { codec: 'plain', value: null },
      taskDueOf(kind as StoredRecord['kind'], fields as never)),
    fieldClocks: merged.fieldClocks,
    ...(merged.textClocks ? { textClocks: merged.textClocks } : {}),
    ...(conflicted.length > 0 ? { conflictedFields: conflicted } : {}),
    ...(trashedBy === undefined ? {} : { deletedBy: trashedBy }),
  };
  // Only what validated as fields, the merged clocks and stamps: whatever else a remote payload carried is dropped here.
  const body = withAttribution(merged.tagClocks ? { ...fields, [TAG_CLOCKS_KEY]: merged.tagClocks } : fields, merged.attribution);
  return { row, body };
};

/** A record first seen here was created at the wall time of its oldest field clock. */
const newestWallOfCreate = (merged: MergeRow, fallback: number): number => {
  const clocks = Object.entries(merged.fieldClocks).filter(([field]) => field !== DELETED_AT && field !== CREATED_AT).map(([, clock]) => clock).sort();
  const first = clocks[0];
  const wall = first === undefined ? undefined : Number(first.slice(0, 13));
  return wall !== undefined && Number.isFinite(wall) ? wall : fallback;
};
