/**
 * "Last activity" for the filters of saved lists: when the record was last contacted (a
 * logged conversation or a done task, core/timeline/last-contacted.ts), or its own last
 * change when it never was. Worked out in one pass over the records that can hold or pass on
 * a contact, and only for a filter that asks about last activity.
 */
import { createLastContactedMap } from '../../core/timeline/last-contacted';
import type { LocketRecord, RecordKind } from '../../core/records/types';
import type { LocketStore } from '../../core/store/contract';

const READ_BATCH = 1000;

/** Conversations and done tasks, and the links that carry them up (case → party, person → organisation). */
const CARRIES_CONTACT: ReadonlySet<RecordKind> = new Set(['activity', 'task', 'person', 'case', 'opportunity']);

export const lastActivityLookup = async (
  store: Pick<LocketStore, 'forEachBatch'>,
): Promise<(record: LocketRecord) => number> => {
  const map = createLastContactedMap();
  await store.forEachBatch(READ_BATCH, (records) => { for (const record of records) map.visit(record); },
    (row) => CARRIES_CONTACT.has(row.kind));
  const latest = map.result();
  return (record) => latest.get(record.id) ?? record.updatedAt;
};
