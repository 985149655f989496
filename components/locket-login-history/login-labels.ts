import type { LoginAttempt, LoginFactor } from '../../core/security/login-log';
import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural } from '../shared/i18n/format';

export const LOGIN_WORDS = catalogue({
  en: {
    outcomes: { success: 'Unlocked', failure: 'Refused', throttled: 'Slowed down' } as Readonly<Record<LoginAttempt['outcome'], string>>,
    password: 'Password', securityKey: 'Security key', namedKey: (name: string) => `Security key “${name}”`, recoveryCode: 'Recovery code',
    loading: 'Loading…',
    lead: 'Every unlock attempt on this device, newest first. If one is not yours, change your password.',
    refresh: 'Refresh', none: 'No attempts yet.',
    caption: (n: number) => `Recent logins: the last ${n === 1 ? 'attempt' : `${formatNumber(n)} attempts`}`,
    time: 'Time', outcome: 'Outcome', factors: 'Factors', reason: 'Reason', browser: 'Browser and OS',
  },
  de: {
    outcomes: { success: 'Entsperrt', failure: 'Abgelehnt', throttled: 'Verzögert' },
    password: 'Passwort', securityKey: 'Sicherheitsschlüssel', namedKey: (name: string) => `Sicherheitsschlüssel „${name}“`, recoveryCode: 'Wiederherstellungscode',
    loading: 'Wird geladen…',
    lead: 'Jeder Entsperrversuch auf diesem Gerät, der neueste zuerst. Wenn einer nicht von Ihnen stammt, ändern Sie Ihr Passwort.',
    refresh: 'Aktualisieren', none: 'Noch keine Versuche.',
    caption: (n: number) => `Letzte Anmeldungen: ${n === 1 ? 'der letzte Versuch' : `die letzten ${formatNumber(n)} ${plural(n, { one: 'Versuch', other: 'Versuche' })}`}`,
    time: 'Zeit', outcome: 'Ergebnis', factors: 'Faktoren', reason: 'Grund', browser: 'Browser und Betriebssystem',
  },
});

/** How each logged attempt reads in the table. */
export const OUTCOME_LABELS = LOGIN_WORDS.outcomes;

const factorLabel = (factor: LoginFactor, keyName: string | null): string => {
  switch (factor) {
    case 'password': return LOGIN_WORDS.password;
    case 'security-key': return keyName === null ? LOGIN_WORDS.securityKey : LOGIN_WORDS.namedKey(keyName);
    case 'recovery-code': return LOGIN_WORDS.recoveryCode;
  }
};

export const factorsLabel = (attempt: Pick<LoginAttempt, 'factors' | 'keyName'>): string =>
  attempt.factors.length === 0 ? '—' : attempt.factors.map((factor) => factorLabel(factor, attempt.keyName)).join(', ');
