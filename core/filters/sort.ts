/**
 * Ordering a filtered list by a column. Records without a value for the column come last in
 * either direction; ties keep the newest-created first (ids sort by creation time), so the
 * order is the same on every run.
 */
import { ownerOf, titleOf } from '../records/display';
import { MILESTONES, type LocketRecord, type RecordId } from '../records/types';
import type { Sort, SortColumn } from './filter-schema';
import { pipelineOf, type PipelineSettings } from '../pipeline/pipeline-settings';

export type SortKey = string | number | null;

/** The organisation's name for a record's organisation id; the worker reads them once per sort. */
export type OrganisationNames = (id: RecordId) => string | undefined;

/** The organisation (or party) a record points at by id. */
export const partyOf = (record: LocketRecord): RecordId | null => {
  switch (record.kind) {
    case 'person': return record.fields.organisationId;
    case 'case': case 'opportunity': return record.fields.partyId;
    default: return null;
  }
};

const textKey = (text: string): string | null => (text.trim() === '' ? null : text.trim().toLocaleLowerCase());

export const sortKeyOf = (
  record: LocketRecord, column: SortColumn, organisationNames: OrganisationNames,
  /** The owner's milestones in the board's order (pipelineOf(settings)); the built-ins' when not given. */
  milestoneOrder: readonly string[] = MILESTONES,
): SortKey => {
  switch (column) {
    case 'updated': return record.updatedAt;
    case 'created': return record.createdAt;
    case 'name': return textKey(titleOf(record));
    case 'organisation': {
      if (record.kind === 'organisation') return textKey(titleOf(record));
      const party = partyOf(record);
      return party === null ? null : textKey(organisationNames(party) ?? '');
    }
    case 'value': return record.kind === 'opportunity' ? record.fields.value : null;
    case 'close-date': return record.kind === 'opportunity' ? record.fields.expectedCloseDate : null;
    case 'milestone': {
      if (record.kind !== 'opportunity') return null;
      // The owner's order, as the board shows it; a milestone no longer listed after them all.
      const at = milestoneOrder.indexOf(record.fields.milestone);
      return at < 0 ? milestoneOrder.length : at;
    }
    case 'status': return record.kind === 'case' || record.kind === 'opportunity' ? record.fields.status : null;
    case 'owner': { const owner = ownerOf(record); return owner === null ? null : textKey(owner); }
  }
};

/** The owner's milestone ids in order, read only for a sort by milestone. */
export const milestoneOrderFor = async (sort: Sort, settings: () => Promise<{ readonly pipeline?: PipelineSettings | undefined }>): Promise<readonly string[]> =>
  sort.column === 'milestone' ? pipelineOf(await settings()).milestones.map((milestone) => milestone.id) : MILESTONES;

/** Whether a column needs organisation names looked up (people, cases and opportunities point at one by id). */
export const needsOrganisationNames = (sort: Sort): boolean => sort.column === 'organisation';

export interface Keyed {
  readonly id: RecordId;
  readonly key: SortKey;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const compareKeys = (a: SortKey, b: SortKey): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
};

const newestCreatedFirst = (a: Keyed, b: Keyed): number => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The order a sort puts two rows in: negative when `a` comes first. Never 0 for two ids. */
export const keyedOrder = (sort: Sort) => {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a: Keyed, b: Keyed): number => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return newestCreatedFirst(a, b);
      return a.key === null ? 1 : -1;
    }
    return sign * compareKeys(a.key, b.key) || newestCreatedFirst(a, b);
  };
};

/** Sorts in place and returns the same array. */
export const sortKeyed = (rows: Keyed[], sort: Sort): Keyed[] => rows.sort(keyedOrder(sort));

/** The first `count` rows in the sort's order, without sorting the rest: one pass, each row held against the last kept. */
export const firstKeyed = (rows: readonly Keyed[], sort: Sort, count: number): Keyed[] => {
  const order = keyedOrder(sort);
  const kept: Keyed[] = [];
  for (const row of rows) {
    const last = kept.at(-1);
    if (kept.length >= count && last !== undefined && order(row, last) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(row, kept[at - 1] as Keyed) < 0) at--;
    kept.splice(at, 0, row);
    if (kept.length > count) kept.pop();
  }
  return kept;
};
