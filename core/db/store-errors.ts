/**
 * Failures of a write that the owner can act on, as typed values; the words for them live
 * with the components. A write that fails this way was aborted whole: nothing of it is stored.
 */

/** The browser refused the write for lack of space (QuotaExceededError). */
export interface StorageFullError extends Error {
  readonly name: 'StorageFullError';
  readonly type: 'storage-full';
}

/** Why a write did not land, as a value that can cross to a page: a full disk, or anything else with its message. */
export type WriteFailure =
  | { readonly type: 'storage-full' }
  | { readonly type: 'write-failed'; readonly message: string };

const STORAGE_FULL = 'storage-full' as const;

// The message is the type, not a sentence: where only a string is kept (a sweep's report), it still names the failure.
const storageFullError = (cause: unknown): StorageFullError =>
  Object.assign(new Error(STORAGE_FULL, { cause }), { name: 'StorageFullError' as const, type: STORAGE_FULL });

const isQuotaExceeded = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'name' in error && error.name === 'QuotaExceededError';

/**
 * True for a storage-full error, also after it crossed from a worker: comlink carries an
 * error's name and message but no other field, so the name decides.
 */
export const isStorageFull = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'StorageFullError' || ('type' in error && error.type === STORAGE_FULL));

/** The error a failed write rethrows: a full disk becomes a StorageFullError, anything else stays as it was. */
export const typedWriteError = (error: unknown): unknown => (isQuotaExceeded(error) ? storageFullError(error) : error);

export const writeFailureOf = (error: unknown): WriteFailure =>
  isStorageFull(error) || isQuotaExceeded(error)
    ? { type: STORAGE_FULL }
    : { type: 'write-failed', message: error instanceof Error ? error.message : String(error) };

/** What a sweep's report stored by an earlier version holds when the disk was full (reports now keep a WriteFailure). */
export const STORAGE_FULL_REPORT = STORAGE_FULL;
