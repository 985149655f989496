import type { RecordId } from '../records/types';
import type { AuditLog } from './audit-log';

/** The account's audit log and the keyed names it gives records and erased people. */
export interface AuditStore {
  /** The hash-chained audit log of this account. */
  readonly audit: AuditLog;
  /** How the audit log names this record: a hash keyed by the audit key, never the id. */
  readonly auditIdHash: (id: RecordId) => Promise<string>;
  /** True when an erased person with this email was suppressed (case and surrounding space ignored). */
  readonly isSuppressed: (email: string) => Promise<boolean>;
  /** The suppression list read once, for checking many emails (an import). */
  readonly suppressionCheck: () => Promise<(email: string) => Promise<boolean>>;
}
