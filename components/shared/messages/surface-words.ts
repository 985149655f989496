import { catalogue } from '../i18n/catalogue';
import { formatNumber, plural } from '../i18n/format';

/** The popup's words, the cancelled account's screen and the re-encryption notice. */
export const SURFACE_WORDS = catalogue({
  en: {
    panelFailed: (cause: string) => `The side panel did not open (${cause}). Open it from the browser’s side panel menu.`,
    openPanel: 'Open side panel', lock: 'Lock', capture: 'Capture this page', recent: 'Recent',
    open: (title: string) => `Open ${title}`, nothingYet: 'Nothing yet. Add someone below.',
    quickAdd: 'Quick add', kindToAdd: 'Kind to add', saved: (title: string) => `Saved ${title}.`,
    onThisPageHeading: 'On this page',
    onThisPage: (title: string, organisation: string) => `On this page: ${title}${organisation ? ` — ${organisation}` : ''}`,
    logged: (title: string) => `Logged for ${title}.`,
    daysLeft: (days: number) => `${formatNumber(days)} ${plural(days, { one: 'day', other: 'days' })} left`,
    expired: 'The 14 days to restore it have passed. Locket deletes it, with everything it held, at its next clean-up.',
    deletedOn: (date: string, left: string) => `It will be deleted for good on ${date} (${left}).`,
    notRestored: (cause: string) => `The account was not restored: ${cause}`,
    restoreAccount: 'Restore account', restoring: 'Restoring…', cancelledTitle: 'This account is cancelled',
    restoreHint: (withKey: boolean) => `Restoring brings back every record, note and setting as they were. It needs your password${withKey ? ' and your security key' : ''}.`,
    rekeying: (rows: number) => `Re-encrypting your data under a new key: ${formatNumber(rows)} items prepared. Keep this page open.`,
  },
  de: {
    panelFailed: (cause: string) => `Die Seitenleiste wurde nicht geöffnet (${cause}). Öffnen Sie sie über das Seitenleisten-Menü des Browsers.`,
    openPanel: 'Seitenleiste öffnen', lock: 'Sperren', capture: 'Diese Seite erfassen', recent: 'Zuletzt',
    open: (title: string) => `${title} öffnen`, nothingYet: 'Noch nichts. Fügen Sie unten jemanden hinzu.',
    quickAdd: 'Schnell hinzufügen', kindToAdd: 'Art des neuen Datensatzes', saved: (title: string) => `${title} gespeichert.`,
    onThisPageHeading: 'Auf dieser Seite',
    onThisPage: (title: string, organisation: string) => `Auf dieser Seite: ${title}${organisation ? ` — ${organisation}` : ''}`,
    logged: (title: string) => `Für ${title} erfasst.`,
    daysLeft: (days: number) => `noch ${formatNumber(days)} ${plural(days, { one: 'Tag', other: 'Tage' })}`,
    expired: 'Die 14 Tage zum Wiederherstellen sind vorbei. Locket löscht das Konto mit allem, was es enthielt, bei der nächsten Bereinigung.',
    deletedOn: (date: string, left: string) => `Es wird am ${date} endgültig gelöscht (${left}).`,
    notRestored: (cause: string) => `Das Konto wurde nicht wiederhergestellt: ${cause}`,
    restoreAccount: 'Konto wiederherstellen', restoring: 'Wird wiederhergestellt…', cancelledTitle: 'Dieses Konto ist gekündigt',
    restoreHint: (withKey: boolean) => `Die Wiederherstellung bringt jeden Datensatz, jede Notiz und jede Einstellung so zurück, wie sie waren. Dafür brauchen Sie Ihr Passwort${withKey ? ' und Ihren Sicherheitsschlüssel' : ''}.`,
    rekeying: (rows: number) => `Ihre Daten werden mit einem neuen Schlüssel neu verschlüsselt: ${formatNumber(rows)} Einträge vorbereitet. Lassen Sie diese Seite geöffnet.`,
  },
});
