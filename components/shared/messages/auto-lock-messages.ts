import type { IdleMinutes } from '../../../core/security/auto-lock';
import { catalogue } from '../i18n/catalogue';
import { formatNumber, plural } from '../i18n/format';

export const AUTO_LOCK_WORDS = catalogue({
  en: {
    onRestart: 'Only when the browser restarts',
    after: (minutes: number) => `After ${formatNumber(minutes)} ${plural(minutes, { one: 'minute', other: 'minutes' })}`,
    saved: (choice: string) => `Saved: ${choice}.`,
    lock: 'Lock', lockAutomatically: 'Lock automatically', loading: 'Loading…',
    notSaved: (cause: string) => `The choice was not saved: ${cause}`,
    lockNow: 'Lock now', lockNowHint: 'Locks Locket on every open page and in the side panel.',
  },
  de: {
    onRestart: 'Nur beim Neustart des Browsers',
    after: (minutes: number) => `Nach ${formatNumber(minutes)} ${plural(minutes, { one: 'Minute', other: 'Minuten' })}`,
    saved: (choice: string) => `Gespeichert: ${choice}.`,
    lock: 'Sperren', lockAutomatically: 'Automatisch sperren', loading: 'Wird geladen…',
    notSaved: (cause: string) => `Die Auswahl wurde nicht gespeichert: ${cause}`,
    lockNow: 'Jetzt sperren', lockNowHint: 'Sperrt Locket auf jeder geöffneten Seite und in der Seitenleiste.',
  },
});

/** Each auto-lock choice in words. */
export const idleLabel = (minutes: IdleMinutes): string =>
  (minutes === null ? AUTO_LOCK_WORDS.onRestart : AUTO_LOCK_WORDS.after(minutes));
