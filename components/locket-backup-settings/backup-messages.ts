import { RECORD_KINDS } from '../../core/records/types';
import type { PasswordVerdict } from '../../core/security/password-policy';
import type { RestoreReport } from '../../worker/contract';
import { passwordProblemText } from '../shared/messages/password-messages';
import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural, type PluralForms } from '../shared/i18n/format';

const counted = (n: number, forms: PluralForms): string => `${formatNumber(n)} ${plural(n, forms)}`;

/** The Backup section's words: making a backup file, and restoring one. */
export const BACKUP_WORDS = catalogue({
  en: {
    notSame: 'The two passwords are not the same. Type the backup password again.',
    kinds: {
      person: { one: 'person', other: 'people' }, organisation: { one: 'organisation', other: 'organisations' },
      case: { one: 'case', other: 'cases' }, opportunity: { one: 'opportunity', other: 'opportunities' }, note: { one: 'note', other: 'notes' },
      task: { one: 'task', other: 'tasks' }, activity: { one: 'logged conversation', other: 'logged conversations' },
    } as Readonly<Record<(typeof RECORD_KINDS)[number], PluralForms>>,
    noRecords: 'No records', settings: 'The settings', noSettings: 'No settings (the backup had none)',
    auditEntries: { one: 'audit log entry', other: 'audit log entries' } as PluralForms,
    leftOut: (n: number) => `${counted(n, { one: 'erased record', other: 'erased records' })} left out`,
    chooseFile: 'Choose a backup file (.locket-backup).', enterPassword: 'Enter the password this backup was made with.',
    percentDone: (percent: number) => `${percent}% done`, starting: 'Starting…',
    download: 'Download backup',
    downloadHint: 'One encrypted file with every record, note, the trash, the settings and the audit log. Choose a password for it, as strong as the account’s: the file can leave this device. Locket does not store this password, and without it the backup cannot be opened by anyone, you included.',
    password: 'Backup password', passwordAgain: 'Backup password again', backupProgress: 'Backup progress',
    saved: (file: string) => `Saved ${file}. Keep its password somewhere safe.`,
    backupFailed: (cause: string) => `The backup failed: ${cause}`,
    replaces: 'This replaces all records, notes, the trash and settings on this device with the backup’s. A snapshot of the current data is kept first.',
    replace: 'Replace my data', cancel: 'Cancel',
    restored: 'Backup restored. It put back:', restoredList: 'Restored from the backup',
    snapshotKept: 'A snapshot of the data as it was just before the restore was kept.',
    restore: 'Restore backup',
    restoreHint: 'Loads a backup file into this device. Nothing is changed unless the whole file opens with its password and is sound.',
    file: 'Backup file', filePassword: 'Password of the backup', restoreOpen: 'Restore backup…', restoreProgress: 'Restore progress',
    restoreFailed: (cause: string) => `The restore failed: ${cause} Your data was not changed.`,
  },
  de: {
    notSame: 'Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort der Sicherung erneut ein.',
    kinds: {
      person: { one: 'Person', other: 'Personen' }, organisation: { one: 'Organisation', other: 'Organisationen' },
      case: { one: 'Vorgang', other: 'Vorgänge' }, opportunity: { one: 'Verkaufschance', other: 'Verkaufschancen' }, note: { one: 'Notiz', other: 'Notizen' },
      task: { one: 'Aufgabe', other: 'Aufgaben' }, activity: { one: 'Aktivität', other: 'Aktivitäten' },
    },
    noRecords: 'Keine Datensätze', settings: 'Die Einstellungen', noSettings: 'Keine Einstellungen (die Sicherung enthielt keine)',
    auditEntries: { one: 'Eintrag im Prüfprotokoll', other: 'Einträge im Prüfprotokoll' },
    leftOut: (n: number) => `${counted(n, { one: 'gelöschter Datensatz', other: 'gelöschte Datensätze' })} ausgelassen`,
    chooseFile: 'Wählen Sie eine Sicherungsdatei (.locket-backup).', enterPassword: 'Geben Sie das Passwort ein, mit dem diese Sicherung erstellt wurde.',
    percentDone: (percent: number) => `${percent} % erledigt`, starting: 'Wird gestartet…',
    download: 'Sicherung herunterladen',
    downloadHint: 'Eine verschlüsselte Datei mit jedem Datensatz, jeder Notiz, dem Papierkorb, den Einstellungen und dem Prüfprotokoll. Wählen Sie dafür ein Passwort, so stark wie das des Kontos: Die Datei kann dieses Gerät verlassen. Locket speichert dieses Passwort nicht, und ohne es kann niemand die Sicherung öffnen, auch Sie nicht.',
    password: 'Passwort der Sicherung', passwordAgain: 'Passwort der Sicherung wiederholen', backupProgress: 'Fortschritt der Sicherung',
    saved: (file: string) => `${file} gespeichert. Bewahren Sie das Passwort sicher auf.`,
    backupFailed: (cause: string) => `Die Sicherung ist fehlgeschlagen: ${cause}`,
    replaces: 'Das ersetzt alle Datensätze, Notizen, den Papierkorb und die Einstellungen auf diesem Gerät durch die der Sicherung. Vorher wird ein Schnappschuss der aktuellen Daten angelegt.',
    replace: 'Meine Daten ersetzen', cancel: 'Abbrechen',
    restored: 'Sicherung wiederhergestellt. Zurückgebracht wurden:', restoredList: 'Aus der Sicherung wiederhergestellt',
    snapshotKept: 'Ein Schnappschuss der Daten direkt vor der Wiederherstellung wurde behalten.',
    restore: 'Sicherung wiederherstellen',
    restoreHint: 'Lädt eine Sicherungsdatei auf dieses Gerät. Es wird nur etwas geändert, wenn sich die ganze Datei mit ihrem Passwort öffnen lässt und fehlerfrei ist.',
    file: 'Sicherungsdatei', filePassword: 'Passwort der Sicherung', restoreOpen: 'Sicherung wiederherstellen…', restoreProgress: 'Fortschritt der Wiederherstellung',
    restoreFailed: (cause: string) => `Die Wiederherstellung ist fehlgeschlagen: ${cause} Ihre Daten wurden nicht verändert.`,
  },
});

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
  if (password !== repeat) return { repeat: BACKUP_WORDS.notSame };
  return {};
};

/** What a restore put back, one line per kind of thing, for the summary list. */
export const restoreSummaryLines = (report: RestoreReport): string[] => {
  const kinds = RECORD_KINDS.flatMap((kind) => {
    const restored = report.records[kind] ?? 0;
    return restored > 0 ? [counted(restored, BACKUP_WORDS.kinds[kind])] : [];
  });
  return [
    ...(kinds.length > 0 ? kinds : [BACKUP_WORDS.noRecords]),
    report.settings ? BACKUP_WORDS.settings : BACKUP_WORDS.noSettings,
    counted(report.auditEntries, BACKUP_WORDS.auditEntries),
    BACKUP_WORDS.leftOut(report.skippedErased),
  ];
};
