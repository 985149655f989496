import type { ConflictCode, WriteSubject } from '../../../core/db/write-conflict';
import { catalogue } from '../i18n/catalogue';

type SubjectTexts = { readonly [T in WriteSubject['type']]: (subject: Extract<WriteSubject, { type: T }>) => string };

/** The words for what kept changing under a write; a code without words fails to compile. */
export const WRITE_SUBJECT_MESSAGES = catalogue<SubjectTexts>({
  en: {
    'record': ({ id }) => `Record ${id}`,
    'records-to-trash': ({ asked }) => `Records being moved to the trash (${asked} asked for)`,
    'settings': () => 'The settings',
    'audit-log': () => 'The audit log',
    'audit-log-during-restore': () => 'The audit log during a restore',
    'import': () => 'Records being imported',
    'import-undo': () => 'Records of the import being undone',
    'erasure': () => 'The person being erased',
    'purge': () => 'The change log during a purge',
    'purged-values-removal': () => 'The change log during the removal of purged values',
    're-encryption': () => 'Your data, while it was re-encrypted under a new key',
    'remote-changes': () => 'Records changed on another device',
    'sync-identity': () => 'This device’s sync identity',
  },
  de: {
    'record': ({ id }) => `Datensatz ${id}`,
    'records-to-trash': ({ asked }) => `Datensätze auf dem Weg in den Papierkorb (${asked} angefragt)`,
    'settings': () => 'Die Einstellungen',
    'audit-log': () => 'Das Prüfprotokoll',
    'audit-log-during-restore': () => 'Das Prüfprotokoll während einer Wiederherstellung',
    'import': () => 'Die importierten Datensätze',
    'import-undo': () => 'Die Datensätze des rückgängig gemachten Imports',
    'erasure': () => 'Die zu löschende Person',
    'purge': () => 'Das Änderungsprotokoll während einer Bereinigung',
    'purged-values-removal': () => 'Das Änderungsprotokoll beim Entfernen bereinigter Werte',
    're-encryption': () => 'Ihre Daten, während sie mit einem neuen Schlüssel neu verschlüsselt wurden',
    'remote-changes': () => 'Auf einem anderen Gerät geänderte Datensätze',
    'sync-identity': () => 'Die Sync-Identität dieses Geräts',
  },
});

const GAVE_UP = catalogue({
  en: { gaveUp: (subject: string, attempts: number) => `${subject} kept changing while being written; gave up after ${attempts} attempts without writing` },
  de: { gaveUp: (subject: string, attempts: number) => `${subject} änderte sich beim Schreiben ständig; nach ${attempts} Versuchen ohne Schreiben aufgegeben` },
});

export const writeSubjectText = (subject: WriteSubject): string =>
  (WRITE_SUBJECT_MESSAGES[subject.type] as (subject: WriteSubject) => string)(subject);

export const writeConflictText = ({ subject, attempts }: ConflictCode): string => GAVE_UP.gaveUp(writeSubjectText(subject), attempts);
