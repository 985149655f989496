import type { ConflictCode, WriteSubject } from '../../../core/db/write-conflict';

/** The words for what kept changing under a write; a code without words fails to compile. */
export const WRITE_SUBJECT_MESSAGES: {
  readonly [T in WriteSubject['type']]: (subject: Extract<WriteSubject, { type: T }>) => string
} = {
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
};

export const writeSubjectText = (subject: WriteSubject): string =>
  (WRITE_SUBJECT_MESSAGES[subject.type] as (subject: WriteSubject) => string)(subject);

export const writeConflictText = ({ subject, attempts }: ConflictCode): string =>
  `${writeSubjectText(subject)} kept changing while being written; gave up after ${attempts} attempts without writing`;
