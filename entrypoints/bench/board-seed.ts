import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { OpportunityFields } from '../../core/records/types';
import type { BoardSeedReport } from '../../test/bench/bench-api';
import { opportunityAt, planDataset } from '../../test/bench/seed-data';
import { sessionAccountKey } from './bench-account';

/**
 * Makes the seeded account hold at least `wanted` open opportunities, for the board's figure:
 * extra ones (the seed's own generator past its last index, status open) through the store,
 * on the surfaces' channel so an open page hears of them. They stay in the account.
 */
export const seedOpenOpportunities = async (size: number, wanted: number, seed: number): Promise<BoardSeedReport> => {
  const accountKey = await sessionAccountKey();
  const bus = createBroadcastBus('locket-bench-board-seed');
  const store = await openStore({ factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey) });
  try {
    let open = 0;
    let opportunities = 0;
    await store.forEachBatch(1000, (records) => {
      for (const record of records) {
        if (record.kind !== 'opportunity') continue;
        opportunities += 1;
        if (record.fields.status === 'open') open += 1;
      }
    });
    const plan = planDataset(size);
    const extra: OpportunityFields[] = Array.from({ length: Math.max(0, wanted - open) }, (_, index) =>
      ({ ...opportunityAt(seed, plan.opportunities + index, plan).fields, status: 'open' }));
    const report = extra.length > 0 ? await store.insertMany('opportunity', extra) : { inserted: 0, invalid: [] };
    if (report.invalid.length > 0) throw new Error(`${report.invalid.length} extra opportunities were refused`);
    return { opportunities: opportunities + report.inserted, open: open + report.inserted, added: report.inserted };
  } finally {
    store.close();
    bus.close();
  }
};
