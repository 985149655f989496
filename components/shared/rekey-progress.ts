import { html, nothing } from 'lit';

/**
 * While a key is removed or the recovery codes are replaced, every stored value is
 * re-encrypted under a new account key: with many records that takes a noticeable while.
 * `rows` is null before that step has started.
 */
export const rekeyProgress = (rows: number | null) => rows === null ? nothing
  : html`<p class="status" role="status">Re-encrypting your data under a new key: ${rows.toLocaleString()} items prepared. Keep this page open.</p>`;
