import type { AuditLog } from '../audit/audit-log';
import type { PurgeReceipt } from './purge-batch';

/**
 * The `records-purged` entry each purge batch commits with, in its own transaction: counts per
 * kind and what started it, never ids. A purge cut short therefore leaves every batch it wrote
 * audited. `trigger` is `owner` for delete forever and empty trash, the sweep's trigger otherwise.
 */
export const purgeAuditReceipt = (audit: AuditLog, by: string, trigger: string): PurgeReceipt => (purged) => {
  const counts: Record<string, number> = {};
  for (const row of purged) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return audit.stage({ type: 'records-purged', by, subjects: [], detail: { ...counts, trigger } });
};
