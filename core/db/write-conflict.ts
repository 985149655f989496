/**
 * What kept changing under a write that gave up, as a code (never personal data beyond a
 * record's id); the words live in components/shared/messages/write-conflict-messages.ts.
 */
export type WriteSubject =
  | { readonly type: 'record'; readonly id: string }
  | { readonly type: 'records-to-trash'; readonly asked: number }
  | { readonly type: 'settings' }
  | { readonly type: 'audit-log' }
  | { readonly type: 'audit-log-during-restore' }
  | { readonly type: 'import' }
  | { readonly type: 'import-undo' }
  | { readonly type: 'erasure' }
  | { readonly type: 'purge' }
  | { readonly type: 'purged-values-removal' }
  | { readonly type: 're-encryption' }
  | { readonly type: 'remote-changes' }
  | { readonly type: 'sync-identity' };

const WRITE_CONFLICT = 'WriteConflict';

/** Another context kept changing what a write read, every attempt: nothing of the write was stored. */
export interface WriteConflict extends Error {
  readonly name: typeof WRITE_CONFLICT;
  readonly type: 'write-conflict';
  readonly subject: WriteSubject;
  readonly attempts: number;
}

export const isWriteConflict = (error: unknown): error is WriteConflict =>
  error instanceof Error && error.name === WRITE_CONFLICT && 'type' in error && error.type === 'write-conflict';

/**
 * Comlink carries only an error's name and message across to a page, so the message is the
 * conflict's code, as JSON; it is never shown as it is.
 */
export const writeConflict = (subject: WriteSubject, attempts: number): WriteConflict =>
  Object.assign(new Error(JSON.stringify({ subject, attempts })), {
    name: WRITE_CONFLICT as typeof WRITE_CONFLICT, type: 'write-conflict' as const, subject, attempts,
  });

export interface ConflictCode {
  readonly subject: WriteSubject;
  readonly attempts: number;
}

const parsedConflict = (message: string): ConflictCode | null => {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null && 'subject' in value && 'attempts' in value
      && typeof value.subject === 'object' && value.subject !== null && 'type' in value.subject
      && typeof value.attempts === 'number' ? value as ConflictCode : null;
  } catch {
    return null;
  }
};

/** The conflict an error carries, also after it crossed from a worker; null for any other error. */
export const writeConflictIn = (error: unknown): ConflictCode | null => {
  if (!(error instanceof Error) || error.name !== WRITE_CONFLICT) return null;
  return isWriteConflict(error) ? { subject: error.subject, attempts: error.attempts } : parsedConflict(error.message);
};
