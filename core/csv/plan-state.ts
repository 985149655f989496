/**
 * The planner's working state during one planImport call: the records planned so far
 * (searchable like Locket's own), where each file id ends up, and the outcome of each row.
 */
import { isRecordId } from '../ids';
import type { RecordId } from '../records/types';
import { createRecordIndex, type KnownRecord, type RecordIndex, type RecordLookup } from './record-index';
import type { DuplicateMatch, MatchedBy, PlanContext, PlannedRow } from './plan-types';

export interface Found<R> extends DuplicateMatch {
  readonly record: R;
}

export interface PlanState {
  readonly context: PlanContext;
  readonly rows: readonly PlannedRow[];
  /** Looks in this import's planned records first (the latest version of each), then in Locket. */
  readonly find: <R extends KnownRecord>(matchedBy: MatchedBy, search: (lookup: RecordLookup) => R | undefined) => Found<R> | undefined;
  /** The record a file id stands for: one planned from that id, or one Locket already has under it. */
  readonly resolve: (fileId: string) => Found<KnownRecord> | undefined;
  /** The file id when it is a Locket id nobody holds yet, so links survive; otherwise a new one. */
  readonly assignId: (fileId: string | null) => RecordId;
  /** Notes that a file id now stands for `id` (its new record, or the duplicate it was matched to). */
  readonly mapId: (fileId: string | null, id: RecordId) => void;
  readonly push: (row: PlannedRow) => void;
}

export const createPlanState = (context: PlanContext): PlanState => {
  const planned: RecordIndex = createRecordIndex();
  const rowOfId = new Map<RecordId, number>();
  const idMap = new Map<string, RecordId>();
  const used = new Set<RecordId>();
  const rows: PlannedRow[] = [];

  const find = <R extends KnownRecord>(matchedBy: MatchedBy, search: (lookup: RecordLookup) => R | undefined): Found<R> | undefined => {
    const inImport = search(planned);
    if (inImport) return { record: inImport, matchedBy, matchedRow: rowOfId.get(inImport.id) ?? null };
    const inLocket = search(context.existing);
    return inLocket ? { record: inLocket, matchedBy, matchedRow: null } : undefined;
  };

  return {
    context,
    rows,
    find,
    resolve: (fileId) => {
      const mapped = idMap.get(fileId);
      return find('id', (lookup) => lookup.byId(mapped ?? fileId));
    },
    assignId: (fileId) => {
      const id = fileId !== null && isRecordId(fileId) && !used.has(fileId) && !context.existing.byId(fileId)
        ? fileId
        : context.newId();
      used.add(id);
      return id;
    },
    mapId: (fileId, id) => {
      if (fileId !== null && !idMap.has(fileId)) idMap.set(fileId, id);
    },
    push: (row) => {
      rows.push(row);
      if (row.action === 'new' || row.action === 'update') {
        planned.add(row.record);
        if (!rowOfId.has(row.record.id)) rowOfId.set(row.record.id, row.rowNumber);
      }
    },
  };
};
