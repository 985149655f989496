import { createFilterColumns } from '../../../worker/filters/filter-columns';
import type { LocketRecord } from '../../../core/records/types';

/**
 * What the search worker's filter columns hold of a record: as projected in memory, and as
 * loaded again from a saved copy. Both must answer every filter and sort as the record does.
 */
export const heldCopies = (record: LocketRecord): LocketRecord[] => {
  const columns = createFilterColumns();
  columns.upsertMany([record]);
  const loaded = createFilterColumns(JSON.parse(JSON.stringify(columns.toJSON())));
  return [columns.get(record.id), loaded.get(record.id)].filter((held) => held !== undefined);
};
