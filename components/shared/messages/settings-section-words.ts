import type { CsvFile } from '../../../core/csv/fields';
import { catalogue } from '../i18n/catalogue';
import { TASK_CSV_WORDS } from './task-csv-words';
import { ACTIVITY_CSV_WORDS } from './activity-csv-words';
import { formatNumber, plural } from '../i18n/format';

/**
 * The Export, Danger zone and Users sections. The files an export writes keep their English
 * column headers whatever the language: see README, "CSV headers".
 */
export const EXPORT_WORDS = catalogue({
  en: {
    files: {
      contacts: 'Contacts (people and organisations)', cases: 'Cases', opportunities: 'Opportunities', notes: 'Notes',
      tasks: TASK_CSV_WORDS.en.file, activities: ACTIVITY_CSV_WORDS.en.file,
    } as Readonly<Record<CsvFile, string>>,
    exported: (file: string) => `Exported ${file}.`, cancelled: 'Export cancelled. No file was saved.',
    failed: (message: string) => `The export failed: ${message}`,
    form: 'Export',
    hint: 'Every record outside the trash, as CSV files (UTF-8). Several files come as one zip. Exports are noted in the audit log.',
    filesLegend: 'Files', bom: 'For Excel (adds a byte-order mark)', chooseOne: 'Choose at least one file.',
    exportButton: 'Export', cancel: 'Cancel', progress: 'Export progress',
    progressOf: (done: number, total: number) => `${formatNumber(done)} of ${formatNumber(total)} records`,
  },
  de: {
    files: {
      contacts: 'Kontakte (Personen und Organisationen)', cases: 'Vorgänge', opportunities: 'Verkaufschancen', notes: 'Notizen',
      tasks: TASK_CSV_WORDS.de.file, activities: ACTIVITY_CSV_WORDS.de.file,
    },
    exported: (file: string) => `${file} exportiert.`, cancelled: 'Export abgebrochen. Es wurde keine Datei gespeichert.',
    failed: (message: string) => `Der Export ist fehlgeschlagen: ${message}`,
    form: 'Export',
    hint: 'Jeder Datensatz außerhalb des Papierkorbs, als CSV-Dateien (UTF-8). Mehrere Dateien kommen als ein ZIP. Exporte werden im Prüfprotokoll vermerkt.',
    filesLegend: 'Dateien', bom: 'Für Excel (fügt eine Byte-Reihenfolge-Markierung hinzu)', chooseOne: 'Wählen Sie mindestens eine Datei.',
    exportButton: 'Exportieren', cancel: 'Abbrechen', progress: 'Exportfortschritt',
    progressOf: (done: number, total: number) => `${formatNumber(done)} von ${formatNumber(total)} Datensätzen`,
  },
});

export const CANCEL_ACCOUNT_WORDS = catalogue({
  en: {
    notCancelled: (cause: string) => `The account was not cancelled: ${cause}`,
    form: 'Cancel account', question: 'Cancel your account?',
    confirmWith: (withKey: boolean) => `Confirm with your password${withKey ? ', then your security key' : ''}. Locket locks at once on every page.`,
    currentPassword: 'Current password', cancelling: 'Cancelling…', cancelMine: 'Cancel my account', keepMine: 'Keep my account',
    intro: 'Cancelling the account:',
    locks: 'locks Locket and hides all its data on every page at once;',
    undo: (withKey: boolean) => `can be undone for 14 days with your password${withKey ? ' and security key' : ''}: “Restore account”;`,
    after: 'after 14 days deletes everything for good: records, notes, settings, keys, snapshots and the audit log.',
    backupFirst: 'Download a backup first if you may need this data later. Nobody can bring it back once deleted.',
    open: 'Cancel account…',
  },
  de: {
    notCancelled: (cause: string) => `Das Konto wurde nicht gekündigt: ${cause}`,
    form: 'Konto kündigen', question: 'Ihr Konto kündigen?',
    confirmWith: (withKey: boolean) => `Bestätigen Sie mit Ihrem Passwort${withKey ? ', dann mit Ihrem Sicherheitsschlüssel' : ''}. Locket sperrt sofort auf jeder Seite.`,
    currentPassword: 'Aktuelles Passwort', cancelling: 'Wird gekündigt…', cancelMine: 'Mein Konto kündigen', keepMine: 'Mein Konto behalten',
    intro: 'Die Kündigung des Kontos:',
    locks: 'sperrt Locket und verbirgt sofort alle Daten auf jeder Seite;',
    undo: (withKey: boolean) => `lässt sich 14 Tage lang mit Ihrem Passwort${withKey ? ' und Sicherheitsschlüssel' : ''} rückgängig machen: „Konto wiederherstellen“;`,
    after: 'löscht nach 14 Tagen alles endgültig: Datensätze, Notizen, Einstellungen, Schlüssel, Schnappschüsse und das Prüfprotokoll.',
    backupFirst: 'Laden Sie zuerst eine Sicherung herunter, wenn Sie diese Daten später brauchen könnten. Einmal gelöscht, kann sie niemand zurückholen.',
    open: 'Konto kündigen…',
  },
});

export const USERS_WORDS = catalogue({
  en: {
    loading: 'Loading…', caption: 'Users who can open Locket on this device',
    name: 'Name', email: 'Email', role: 'Role', twoFactor: 'Two-factor', owner: 'Owner',
    on: (keys: number) => `On (${formatNumber(keys)} ${plural(keys, { one: 'key', other: 'keys' })})`, off: 'Off',
  },
  de: {
    loading: 'Wird geladen…', caption: 'Benutzer, die Locket auf diesem Gerät öffnen können',
    name: 'Name', email: 'E-Mail', role: 'Rolle', twoFactor: 'Zwei-Faktor', owner: 'Inhaber',
    on: (keys: number) => `An (${formatNumber(keys)} Schlüssel)`, off: 'Aus',
  },
});

export const STORAGE_WORDS = catalogue({
  en: {
    readFailed: (cause: string) => `The storage use could not be read: ${cause}`,
    askFailed: (cause: string) => `The browser could not be asked: ${cause}`,
    unknownUse: 'The browser does not say how much space Locket uses.',
    uses: (size: string) => `Locket uses ${size} on this device.`,
    kept: 'The browser keeps Locket’s data even when the disk runs low.',
    notKept: 'The browser may delete Locket’s data when the disk runs low, and this device holds the only copy. Keep a recent backup (Settings → Backup).',
    ask: 'Ask the browser to keep Locket’s data', refused: 'The browser did not agree this time.',
    storage: 'Storage', loading: 'Loading…',
  },
  de: {
    readFailed: (cause: string) => `Der Speicherverbrauch konnte nicht gelesen werden: ${cause}`,
    askFailed: (cause: string) => `Der Browser konnte nicht gefragt werden: ${cause}`,
    unknownUse: 'Der Browser gibt nicht an, wie viel Platz Locket belegt.',
    uses: (size: string) => `Locket belegt ${size} auf diesem Gerät.`,
    kept: 'Der Browser behält die Daten von Locket auch dann, wenn der Datenträger knapp wird.',
    notKept: 'Der Browser darf die Daten von Locket löschen, wenn der Datenträger knapp wird, und dieses Gerät hat die einzige Kopie. Halten Sie eine aktuelle Sicherung bereit (Einstellungen → Sicherung).',
    ask: 'Den Browser bitten, die Daten von Locket zu behalten', refused: 'Der Browser hat diesmal nicht zugestimmt.',
    storage: 'Speicher', loading: 'Wird geladen…',
  },
});
