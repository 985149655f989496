import { isStorageFull, STORAGE_FULL_REPORT, type WriteFailure } from '../../core/db/store-errors';

/** What the owner reads when the browser had no room for a write, and what to do about it. */
export const STORAGE_FULL_TEXT = 'This device has no room left for Locket’s data. Nothing of this was saved and nothing was lost. '
  + 'Free up space on the disk (or empty Locket’s trash and delete old snapshots), then try again.';

/** Words for a failure: a full disk in plain words, anything else with its own message. */
export const failureText = (error: unknown): string => {
  if (isStorageFull(error)) return STORAGE_FULL_TEXT;
  return error instanceof Error ? error.message : String(error);
};

/** Words for a write failure that crossed from the worker as a value (an import's failed batch). */
export const writeFailureText = (failure: WriteFailure): string =>
  failure.type === 'storage-full' ? STORAGE_FULL_TEXT : failure.message;

/** Words for the error a sweep kept in its report (a string, since the report is stored). */
export const sweepErrorText = (error: string): string =>
  (error === STORAGE_FULL_REPORT ? `The sweep stopped early: ${STORAGE_FULL_TEXT}` : `The sweep stopped early (${error}).`);
