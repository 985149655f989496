import { html, nothing } from 'lit';
import type { ReportProgress } from './action-controller';
import { SURFACE_WORDS } from './messages/surface-words';

/**
 * While a key is removed or the recovery codes are replaced, every stored value is
 * re-encrypted under a new account key: with many records that takes a noticeable while.
 * `rows` is null before that step has started.
 */
export const rekeyProgress = (rows: number | null) => rows === null ? nothing
  : html`<p class="status" role="status">${SURFACE_WORDS.rekeying(rows)}</p>`;

/** Hands the count of items re-encrypted to a run's progress, which then has no known total. */
export const rekeyRowsReport = (onProgress: ReportProgress) => (rows: number): void => onProgress(rows, 0);
