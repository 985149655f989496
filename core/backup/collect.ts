/**
 * Everything a backup holds, read from the database and decoded: every record (the trash
 * included) in pages by id, the settings, and the audit log. Decoding validates each record
 * as a read does, so a backup never carries a record the app itself could not open.
 */
import { createAuditLog } from '../audit/audit-log';
import { recordAad } from '../codec';
import { readSettings } from '../settings/settings';
import type { StoredRecord } from '../db/rows';
import { recordFromBody } from '../db/record-rows';
import { attributionIn } from '../db/attribution';
import type { StoreDeps } from '../db/store-deps';
import type { BackupContents, BackupRecord } from './types';

const PAGE = 1000;

export const collectBackupContents = async (
  { db, codec, clock, auditKeys }: Pick<StoreDeps, 'db' | 'codec' | 'clock' | 'auditKeys'>,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupContents> => {
  const createdAt = clock.now();
  const total = await db.count('records');
  const records: BackupRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page: StoredRecord[] = await db.getAll('records', after === null ? null : IDBKeyRange.lowerBound(after, true), PAGE);
    // Decoded here rather than through recordsFromRows: who wrote each record sits in its body beside the fields.
    const bodies = page.length > 0 ? await codec.decodeMany(page.map((row) => row.body), page.map(recordAad)) : [];
    page.forEach((row, index) => {
      const record = recordFromBody(row, bodies[index]);
      const attribution = attributionIn(bodies[index]);
      const deletedBy = record.deletedAt !== null && row.deletedBy !== undefined ? row.deletedBy : null;
      records.push({ record, deletedBy, ...(attribution ? { attribution } : {}) });
    });
    onProgress?.(records.length, Math.max(total, records.length));
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = last.id;
  }
  // Personal and team settings joined, in the one shape every backup has held (settings/team-settings.ts).
  const stored = await db.count('settings');
  const settings = stored === 0 ? null : await readSettings(db, codec);
  const audit = await createAuditLog({ db, clock, keys: async () => auditKeys }).entries();
  return { createdAt, records, settings, audit, auditKey: auditKeys?.raw ?? null };
};
