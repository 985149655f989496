import { html, nothing } from 'lit';
import type { ReportProgress } from './action-controller';

/**
 * While a key is removed or the recovery codes are replaced, every stored value is
 * re-encrypted under a new account key: with many records that takes a noticeable while.
 * `rows` is null before that step has started.
 */
export const rekeyProgress = (rows: number | null) => rows === null ? nothing
  : html`<p class="status" role="status">Re-encrypting your data under a new key: ${rows.toLocaleString()} items prepared. Keep this page open.</p>`;

/** Hands the count of items re-encrypted to a run's progress, which then has no known total. */
export const rekeyRowsReport = (onProgress: ReportProgress) => (rows: number): void => onProgress(rows, 0);
