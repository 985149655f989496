import type { AuditSubject, AuditType, ChainCheck } from '../../core/audit/audit-log';

/** What each kind of entry means, in the owner's words. Every audit type must have one. */
export const AUDIT_TYPE_LABELS: Readonly<Record<AuditType, string>> = {
  'export-taken': 'CSV export taken',
  'import-started': 'CSV import started',
  'import-done': 'CSV import done',
  'import-undo-started': 'Undoing a CSV import started',
  'import-undone': 'CSV import undone',
  'record-erased': 'Person erased for good (right to be forgotten)',
  'subject-access-export': 'Everything about a person exported (subject access)',
  unlocked: 'Locket unlocked',
  'key-added': 'Security key added',
  'key-removed': 'Security key removed',
  'password-changed': 'Password changed',
  'settings-changed': 'Settings changed',
  'record-deleted': 'Record moved to the trash',
  'record-restored': 'Record restored from the trash',
  'records-purged': 'Records purged from the trash for good',
  'backup-made': 'Backup made',
  'backup-restored': 'Backup restored',
  'snapshot-restored': 'Snapshot restored',
  'account-cancelled': 'Account cancelled',
  'account-restored': 'Account restored',
  'retention-rule-applied': 'Retention rule applied',
  'recovery-codes-replaced': 'Recovery codes replaced',
  'sync-connected': 'Sync connected on this device',
  'sync-disconnected': 'Sync disconnected on this device',
  'device-added': 'Device added to sync',
  'device-removed': 'Device removed from sync',
};

/** A record as the log names it: its kind and the start of its id's hash, never the record itself. */
export const subjectLabel = (subject: AuditSubject): string => `${subject.kind} #${subject.idHash.slice(0, 8)}`;

const detailValue = (value: string | number | boolean): string =>
  typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

/** The entry's counts and flags as "key: value" pairs, in the order they were written. */
export const detailText = (detail: Readonly<Record<string, string | number | boolean>>): string =>
  Object.entries(detail).map(([key, value]) => `${key}: ${detailValue(value)}`).join(', ');

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** What went wrong with entry `seq`, as the end of "The log was changed: …". */
const brokenLink = (seq: number, reason: string): string => {
  if (reason.startsWith(`entry ${seq} `)) return reason;
  switch (reason) {
    case 'altered after it was written': return `entry ${seq} was altered after it was written`;
    case 'does not follow the entry before it': return `entry ${seq} does not follow the entry before it`;
    case 'unreadable entry': return `entry ${seq} cannot be read`;
    case 'newest entries are missing': return `the newest entries are missing (the log should end at entry ${seq})`;
    default: return `entry ${seq} ${reason}`;
  }
};

/** The verdict of verifyChain() as one sentence for the owner. */
export const chainMessage = (check: ChainCheck): string =>
  check.ok
    ? `The log is intact: ${plural(check.count, 'entry', 'entries')}, each linked to the one before.`
    : `The log was changed: ${brokenLink(check.seq, check.reason)}.`;
