import type { LoginAttempt, LoginFactor } from '../../core/security/login-log';

/** How each logged attempt reads in the table. */
export const OUTCOME_LABELS: Readonly<Record<LoginAttempt['outcome'], string>> = {
  success: 'Unlocked',
  failure: 'Refused',
  throttled: 'Slowed down',
};

const factorLabel = (factor: LoginFactor, keyName: string | null): string => {
  switch (factor) {
    case 'password': return 'Password';
    case 'security-key': return keyName === null ? 'Security key' : `Security key “${keyName}”`;
    case 'recovery-code': return 'Recovery code';
  }
};

export const factorsLabel = (attempt: Pick<LoginAttempt, 'factors' | 'keyName'>): string =>
  attempt.factors.length === 0 ? '—' : attempt.factors.map((factor) => factorLabel(factor, attempt.keyName)).join(', ');
