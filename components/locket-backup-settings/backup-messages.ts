import { RECORD_KINDS } from '../../core/records/types';
import type { PasswordVerdict } from '../../core/security/password-policy';
import type { RestoreReport } from '../../worker/contract';
import { KIND_LABELS } from '../shared/kind-labels';
import { passwordProblemText } from '../shared/messages/password-messages';
import { formatNumber } from '../shared/i18n/format';


export interface BackupPasswordErrors {
  readonly password?: string;
  readonly repeat?: string;
}

/**
 * Why a new backup password is refused, per field: first what the account's password policy
 * found (`verdict`), then a repeat that differs; an empty object when it is acceptable.
 */
export const backupPasswordErrors = (verdict: PasswordVerdict, password: string, repeat: string): BackupPasswordErrors => {
  const problem = verdict.problems[0];
  if (problem) return { password: passwordProblemText(problem) };
  if (password !== repeat) return { repeat: 'The two passwords are not the same. Type the backup password again.' };
  return {};
};

export const count = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** What a restore put back, one line per kind of thing, for the summary list. */
export const restoreSummaryLines = (report: RestoreReport): string[] => {
  const kinds = RECORD_KINDS.flatMap((kind) => {
    const restored = report.records[kind] ?? 0;
    const label = KIND_LABELS[kind];
    return restored > 0 ? [count(restored, label.one.toLowerCase(), label.many.toLowerCase())] : [];
  });
  return [
    ...(kinds.length > 0 ? kinds : ['No records']),
    report.settings ? 'The settings' : 'No settings (the backup had none)',
    count(report.auditEntries, 'audit log entry', 'audit log entries'),
    `${count(report.skippedErased, 'erased record', 'erased records')} left out`,
  ];
};
