import type { PasswordProblem } from './security/password-policy';

/**
 * Refusals the owner can act on, thrown from core or the worker as codes with the data their
 * words need; the words live in components (components/shared/messages). A refusal is not a
 * bug: it says what the owner asked for cannot be done as asked, and nothing was changed.
 */
export type Refusal =
  | { readonly type: 'no-account' }
  /** The act names records in the audit log, or checks the suppression list: both need the keys. */
  | { readonly type: 'needs-unlock'; readonly for: 'audit' | 'suppression' }
  /** Erasure and the subject-access report exist only for a person record that exists. */
  | { readonly type: 'not-a-person'; readonly act: 'erase' | 'report' }
  | { readonly type: 'export-needs-zip' }
  | { readonly type: 'export-running' }
  | { readonly type: 'archive-busy' }
  /** The worker's own check of a backup password, behind the page's: the first problem it found. */
  | { readonly type: 'backup-password'; readonly problem: PasswordProblem }
  | { readonly type: 'import-mapping-missing' }
  | { readonly type: 'import-check-stale' };

export type RefusalType = Refusal['type'];

const REFUSAL = 'Refusal';

export interface RefusalError extends Error {
  readonly name: typeof REFUSAL;
  readonly refusal: Refusal;
}

/**
 * The error that carries a refusal. Comlink carries only an error's name and message across
 * to a page, so the message is the refusal itself, as JSON; it is never shown as it is.
 */
export const refusalError = (refusal: Refusal): RefusalError =>
  Object.assign(new Error(JSON.stringify(refusal)), { name: REFUSAL as typeof REFUSAL, refusal });

const parsedRefusal = (message: string): Refusal | null => {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string' ? value as Refusal : null;
  } catch {
    return null;
  }
};

/** The refusal an error carries, also after it crossed from a worker; null for any other error. */
export const refusalIn = (error: unknown): Refusal | null => {
  if (!(error instanceof Error) || error.name !== REFUSAL) return null;
  return 'refusal' in error ? error.refusal as Refusal : parsedRefusal(error.message);
};
