/**
 * Every live opportunity, read through the list index (kind, updatedAt) so no other kind is
 * read or decrypted: one getAll of the clear keys' range, then decoded a thousand at a time.
 */
import type { OpportunityRecord } from '../records/types';
import { recordsFromRows } from '../db/record-rows';
import type { StoreDeps } from '../db/store-deps';

const DECODE_BATCH = 1000;

const OPPORTUNITY_RANGE = (): IDBKeyRange => IDBKeyRange.bound(['opportunity', -Infinity], ['opportunity', Infinity]);

export const readOpportunities = async ({ db, codec }: Pick<StoreDeps, 'db' | 'codec'>): Promise<OpportunityRecord[]> => {
  const rows = await db.getAllFromIndex('records', 'list', OPPORTUNITY_RANGE());
  const records: OpportunityRecord[] = [];
  for (let start = 0; start < rows.length; start += DECODE_BATCH) {
    for (const record of await recordsFromRows(codec, rows.slice(start, start + DECODE_BATCH))) {
      if (record.kind === 'opportunity') records.push(record);
    }
  }
  return records;
};
