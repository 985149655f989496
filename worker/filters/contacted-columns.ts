/**
 * Last contacted, held per record in the filter columns (filter-columns.ts), so a filter on last
 * activity is answered without a pass over conversations and tasks. Filled by the columns' build
 * pass (core/timeline/last-contacted.ts's map over the same records), and kept current from the
 * change log like the rest: a changed record moves the last contact of the records it counts
 * for, which are read again through the clear link index (contacted-through-links.ts, the same
 * answer as the pass).
 *
 * Invariant: after `refresh`, every held record a change could move (the one changed, the record
 * a conversation or task is on and the one it was on before, and up to two links above each,
 * before and after the change) holds what the full pass would give it.
 */
import type { LocketRecord, RecordId } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';
import { lastContactedThroughLinks } from '../contacted-through-links';
import type { FilterColumns } from './filter-columns';

/** A contact counts for the record it is on and up to two links above it (core/timeline/last-contacted.ts). */
const LINKS_UP = 2;

/** The held record one link above: a person's organisation, a case's or opportunity's party. */
const above = (columns: FilterColumns, id: RecordId): RecordId | null => {
  const held = columns.get(id);
  if (!held) return null;
  if (held.kind === 'person') return held.fields.organisationId;
  return held.kind === 'case' || held.kind === 'opportunity' ? held.fields.partyId : null;
};

const addChain = (columns: FilterColumns, id: RecordId, into: Set<RecordId>): void => {
  let at: RecordId | null = id;
  for (let step = 0; at !== null && step <= LINKS_UP; step++) {
    into.add(at);
    at = above(columns, at);
  }
};

/** The record a conversation or task is on, done or not, live or trashed: its last contact may have moved. */
const contactTargetOf = (record: LocketRecord): RecordId | null =>
  (record.kind === 'activity' || record.kind === 'task' ? record.fields.recordId : null);

const parentOf = (record: LocketRecord): RecordId | null => {
  if (record.kind === 'person') return record.fields.organisationId;
  return record.kind === 'case' || record.kind === 'opportunity' ? record.fields.partyId : null;
};

/**
 * Whether a changed record moves a last contact through its own links: new to the columns,
 * trashed, or linked elsewhere. An edit of its other fields moves none (and an organisation's
 * rename walks none of its people).
 */
const movesContacts = (columns: FilterColumns, record: LocketRecord): boolean => {
  if (record.kind === 'activity' || record.kind === 'task') return true;
  if (record.kind !== 'person' && record.kind !== 'organisation' && record.kind !== 'case' && record.kind !== 'opportunity') return false;
  return !columns.has(record.id) || record.deletedAt !== null || parentOf(record) !== above(columns, record.id);
};

/** The records a change may move the last contact of, found from each seed by the links the columns hold. */
export interface ContactsTouched {
  readonly touched: Set<RecordId>;
  /** Adds the seeds' records by the links the columns hold after taking the change. */
  readonly afterChange: () => void;
}

/**
 * Called before the columns take the changed records (their old links); `afterChange` once
 * they have (the new ones): last contacted may move on both sides of a moved link.
 */
export const contactsTouched = (columns: FilterColumns, changed: readonly LocketRecord[], vanished: readonly RecordId[]): ContactsTouched => {
  const seeds: RecordId[] = [];
  for (const id of vanished) {
    seeds.push(id);
    const target = columns.contactTarget(id);
    if (target !== null) seeds.push(target);
  }
  for (const record of changed) {
    if (!movesContacts(columns, record)) continue;
    seeds.push(record.id);
    const target = contactTargetOf(record);
    if (target !== null) seeds.push(target);
    // Moved to another record: the one it left may have lost its last contact.
    const before = columns.contactTarget(record.id);
    if (before !== null && before !== target) seeds.push(before);
  }
  const touched = new Set<RecordId>();
  for (const id of seeds) addChain(columns, id, touched);
  return { touched, afterChange: () => { for (const id of seeds) addChain(columns, id, touched); } };
};

/** Reads last contacted again, through the link index, for the touched records the columns hold. */
export const refreshContacted = async (
  columns: FilterColumns, store: Pick<LocketStore, 'linkedTo'>, touched: Iterable<RecordId>,
): Promise<void> => {
  for (const id of touched) {
    if (!columns.has(id)) continue;
    const at = await lastContactedThroughLinks(store, id);
    // Removed meanwhile (a purge while the links were read): nothing to hold.
    if (columns.has(id)) columns.setLastContacted(id, at);
  }
};

/**
 * The columns take the changed records (read again by id) and let go of the vanished ids, with
 * last contacted read again wherever the change may move it.
 */
export const columnsTake = async (
  columns: FilterColumns, store: Pick<LocketStore, 'linkedTo'>, found: readonly LocketRecord[], vanished: readonly RecordId[],
): Promise<void> => {
  const touched = contactsTouched(columns, found, vanished);
  columns.upsertMany(found);
  for (const id of vanished) columns.remove(id);
  touched.afterChange();
  await refreshContacted(columns, store, touched.touched);
};
