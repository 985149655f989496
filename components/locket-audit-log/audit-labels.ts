import type { AuditSubject, AuditType, ChainCheck } from '../../core/audit/audit-log';
import { catalogue } from '../shared/i18n/catalogue';
import { formatNumber, plural } from '../shared/i18n/format';

type Link = 'altered after it was written' | 'does not follow the entry before it' | 'unreadable entry' | 'newest entries are missing';

/** What each kind of entry means, in the owner's words; the log's CSV keeps the codes. */
export const AUDIT_WORDS = catalogue({
  en: {
    types: {
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
      'member-invited': 'Team member invited',
      'invite-revoked': 'Team invite withdrawn',
      'join-confirmed': 'New team member confirmed',
      'join-declined': 'New team member declined',
      'member-changed': 'Team member\'s role or export right changed',
      'member-removed': 'Team member removed and the team key replaced',
      'ownership-transferred': 'Team ownership handed over',
      'two-factor-required': 'Two-factor rule for every team member changed',
      'recovery-key-made': 'Printed team recovery key made',
      'restored-from-relay': 'Restored from the relay with the printed recovery key',
      'team-cancelled': 'Team cancelled',
      'team-restored': 'Team restored',
      'records-merged': 'Two records merged',
      'record-converted': 'Record converted (person ↔ organisation)',
      'merge-undone': 'Merge or conversion undone',
      'bulk-change-started': 'Bulk change started',
      'bulk-change-done': 'Bulk change done',
      'bulk-undo-started': 'Undoing a bulk change started',
      'bulk-undone': 'Bulk change undone',
      'opportunities-moved': 'Opportunities moved',
      'track-applied': 'Track applied',
      'track-step-started': 'Next step of a track started',
    } as Readonly<Record<AuditType, string>>,
    yes: 'yes', no: 'no',
    links: {
      'altered after it was written': (seq: number) => `entry ${seq} was altered after it was written`,
      'does not follow the entry before it': (seq: number) => `entry ${seq} does not follow the entry before it`,
      'unreadable entry': (seq: number) => `entry ${seq} cannot be read`,
      'newest entries are missing': (seq: number) => `the newest entries are missing (the log should end at entry ${seq})`,
    } as Readonly<Record<Link, (seq: number) => string>>,
    entryPrefix: (seq: number) => `entry ${seq} `,
    intact: (count: number) => `The log is intact: ${formatNumber(count)} ${plural(count, { one: 'entry', other: 'entries' })}, each linked to the one before.`,
    changed: (what: string) => `The log was changed: ${what}.`,
    none: 'No entries yet.',
    range: (first: number, last: number, all: number) => `${first}–${last} of ${formatNumber(all)}`,
    caption: (range: string) => `Audit log entries ${range}, newest first`,
    entry: 'Entry', when: 'When', what: 'What', who: 'Who', records: 'Records', details: 'Details',
    newer: 'Newer entries', older: 'Older entries',
    lead: 'Security and deletion events, each entry chained to the one before by a hash, so a changed or removed entry shows. Records are named by kind and a hash of their id, never by what they hold.',
    verify: 'Verify chain', exportCsv: 'Export as CSV', refresh: 'Refresh',
    exported: (file: string) => `Exported ${file}.`, loading: 'Loading…',
  },
  de: {
    types: {
      'export-taken': 'CSV-Export erstellt',
      'import-started': 'CSV-Import begonnen',
      'import-done': 'CSV-Import abgeschlossen',
      'import-undo-started': 'Rückgängigmachen eines CSV-Imports begonnen',
      'import-undone': 'CSV-Import rückgängig gemacht',
      'record-erased': 'Person endgültig gelöscht (Recht auf Vergessenwerden)',
      'subject-access-export': 'Alles über eine Person exportiert (Auskunftsrecht)',
      unlocked: 'Locket entsperrt',
      'key-added': 'Sicherheitsschlüssel hinzugefügt',
      'key-removed': 'Sicherheitsschlüssel entfernt',
      'password-changed': 'Passwort geändert',
      'settings-changed': 'Einstellungen geändert',
      'record-deleted': 'Datensatz in den Papierkorb verschoben',
      'record-restored': 'Datensatz aus dem Papierkorb wiederhergestellt',
      'records-purged': 'Datensätze endgültig aus dem Papierkorb gelöscht',
      'backup-made': 'Sicherung erstellt',
      'backup-restored': 'Sicherung wiederhergestellt',
      'snapshot-restored': 'Schnappschuss wiederhergestellt',
      'account-cancelled': 'Konto gekündigt',
      'account-restored': 'Konto wiederhergestellt',
      'retention-rule-applied': 'Aufbewahrungsregel angewendet',
      'recovery-codes-replaced': 'Wiederherstellungscodes ersetzt',
      'sync-connected': 'Synchronisierung auf diesem Gerät verbunden',
      'sync-disconnected': 'Synchronisierung auf diesem Gerät getrennt',
      'device-added': 'Gerät zur Synchronisierung hinzugefügt',
      'device-removed': 'Gerät aus der Synchronisierung entfernt',
      'member-invited': 'Teammitglied eingeladen',
      'invite-revoked': 'Teameinladung zurückgezogen',
      'join-confirmed': 'Neues Teammitglied bestätigt',
      'join-declined': 'Neues Teammitglied abgelehnt',
      'member-changed': 'Rolle oder Exportrecht eines Teammitglieds geändert',
      'member-removed': 'Teammitglied entfernt und Teamschlüssel ersetzt',
      'ownership-transferred': 'Teameigentum übergeben',
      'two-factor-required': 'Zwei-Faktor-Regel für alle Teammitglieder geändert',
      'recovery-key-made': 'Gedruckter Team-Wiederherstellungsschlüssel erstellt',
      'restored-from-relay': 'Mit dem gedruckten Wiederherstellungsschlüssel vom Relay wiederhergestellt',
      'team-cancelled': 'Team gekündigt',
      'team-restored': 'Team wiederhergestellt',
      'records-merged': 'Zwei Datensätze zusammengeführt',
      'record-converted': 'Datensatz umgewandelt (Person ↔ Organisation)',
      'merge-undone': 'Zusammenführung oder Umwandlung rückgängig gemacht',
      'bulk-change-started': 'Sammeländerung begonnen',
      'bulk-change-done': 'Sammeländerung abgeschlossen',
      'bulk-undo-started': 'Rückgängigmachen einer Sammeländerung begonnen',
      'bulk-undone': 'Sammeländerung rückgängig gemacht',
      'opportunities-moved': 'Verkaufschancen verschoben',
      'track-applied': 'Ablauf angewendet',
      'track-step-started': 'Nächster Schritt eines Ablaufs angelegt',
    },
    yes: 'ja', no: 'nein',
    links: {
      'altered after it was written': (seq: number) => `Eintrag ${seq} wurde nach dem Schreiben verändert`,
      'does not follow the entry before it': (seq: number) => `Eintrag ${seq} folgt nicht auf den Eintrag davor`,
      'unreadable entry': (seq: number) => `Eintrag ${seq} ist nicht lesbar`,
      'newest entries are missing': (seq: number) => `die neuesten Einträge fehlen (das Protokoll sollte bei Eintrag ${seq} enden)`,
    },
    entryPrefix: (seq: number) => `Eintrag ${seq} `,
    intact: (count: number) => `Das Protokoll ist unverändert: ${formatNumber(count)} ${plural(count, { one: 'Eintrag', other: 'Einträge' })}, jeder mit dem vorigen verkettet.`,
    changed: (what: string) => `Das Protokoll wurde verändert: ${what}.`,
    none: 'Noch keine Einträge.',
    range: (first: number, last: number, all: number) => `${first}–${last} von ${formatNumber(all)}`,
    caption: (range: string) => `Einträge im Prüfprotokoll ${range}, die neuesten zuerst`,
    entry: 'Eintrag', when: 'Wann', what: 'Was', who: 'Wer', records: 'Datensätze', details: 'Details',
    newer: 'Neuere Einträge', older: 'Ältere Einträge',
    lead: 'Sicherheits- und Löschereignisse, jeder Eintrag per Hash mit dem vorigen verkettet, sodass ein veränderter oder entfernter Eintrag auffällt. Datensätze werden mit ihrer Art und einem Hash ihrer ID genannt, nie mit ihrem Inhalt.',
    verify: 'Kette prüfen', exportCsv: 'Als CSV exportieren', refresh: 'Aktualisieren',
    exported: (file: string) => `${file} exportiert.`, loading: 'Wird geladen…',
  },
});

export const AUDIT_TYPE_LABELS = AUDIT_WORDS.types;

/** A record as the log names it: its kind and the start of its id's hash, never the record itself. */
export const subjectLabel = (subject: AuditSubject): string => `${subject.kind} #${subject.idHash.slice(0, 8)}`;

const detailValue = (value: string | number | boolean): string =>
  typeof value === 'boolean' ? (value ? AUDIT_WORDS.yes : AUDIT_WORDS.no) : String(value);

/** The entry's counts and flags as "key: value" pairs, in the order they were written (the keys are the log's own). */
export const detailText = (detail: Readonly<Record<string, string | number | boolean>>): string =>
  Object.entries(detail).map(([key, value]) => `${key}: ${detailValue(value)}`).join(', ');

/** What went wrong with entry `seq`, as the end of "The log was changed: …"; an unknown reason keeps its own words. */
const brokenLink = (seq: number, reason: string): string => {
  if (reason.startsWith(`entry ${seq} `)) return reason;
  return reason in AUDIT_WORDS.links ? AUDIT_WORDS.links[reason as Link](seq) : `${AUDIT_WORDS.entryPrefix(seq)}${reason}`;
};

/** The verdict of verifyChain() as one sentence for the owner. */
export const chainMessage = (check: ChainCheck): string =>
  (check.ok ? AUDIT_WORDS.intact(check.count) : AUDIT_WORDS.changed(brokenLink(check.seq, check.reason)));
