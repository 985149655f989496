import { deriveAuditKeys } from '../../core/audit/hash';
import { systemClock } from '../../core/clock';
import { createBroadcastBus } from '../../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import type { RecordId } from '../../core/records/types';
import { openStore } from '../../core/store/open-store';
import { createAesGcmCodec } from '../../core/vault/aes-codec';
import type { BulkTimingReport } from '../../test/bench/bench-api';
import { sessionAccountKey } from './bench-account';
import { rawPut } from './raw-put';
import { timeBulkFloor } from './bulk-floor';

/**
 * A bulk tag of `count` tagged-kind records of the seeded account (fewer when it holds fewer) through store.applyBulk (one batch,
 * transactions of a thousand, AES-GCM), beside the raw put rate of as many records measured
 * right after it in the same page. The tag is undone afterwards (not timed), so the seeded
 * account is as it was for whatever runs next.
 */
export const timeBulkTag = async (count: number, seed: number): Promise<BulkTimingReport> => {
  const accountKey = await sessionAccountKey();
  const bus = createBroadcastBus('locket-bench-bulk-changes');
  const store = await openStore({ factory: indexedDB, name: LOCKET_DB_NAME, codec: createAesGcmCodec(accountKey), clock: systemClock, bus, author: 'owner', auditKeys: await deriveAuditKeys(accountKey) });
  try {
    const ids: RecordId[] = [];
    await store.forEachBatch(1000, (records) => {
      // Only kinds that carry tags (people and organisations): cases and opportunities have none.
      for (const record of records) if ('tags' in record.fields && ids.length < count) ids.push(record.id);
    });
    const started = performance.now();
    const report = await store.applyBulk(ids, { type: 'add-tag', tag: 'Bench bulk tag' });
    const bulkMs = performance.now() - started;
    if (report.failure || !report.batchId) throw new Error(`The bulk tag wrote nothing: ${JSON.stringify(report.failure)}`);
    await store.undoBulk(report.batchId);
    const raw = await rawPut(indexedDB, ids.length, seed);
    const floorMs = await timeBulkFloor(indexedDB, ids);
    return { records: ids.length, changed: report.changed, bulkMs, putRecords: raw.records, putMs: raw.putMs, floorMs };
  } finally {
    store.close();
    bus.close();
  }
};
