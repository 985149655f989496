import { css } from 'lit';

export const recordFormStyles = css`
  :host { display: block; }
  form { display: grid; gap: 10px; padding: 12px; }
  /* In the popup the quick form sits inside the popup's own padding. */
  :host([quick]) form { padding: 8px 0 0; }
  .field { display: grid; gap: 3px; }
  label { font-weight: 600; }
  .hint { font-size: 12px; }
  .error { color: var(--locket-danger); font-size: 13px; }
  [aria-invalid='true'] { border-color: var(--locket-danger); }
  textarea { min-height: 3.2em; resize: vertical; }
  .actions { display: flex; gap: var(--locket-gap); }
  .form-error { color: var(--locket-danger); margin: 0; }
  .check { display: flex; gap: 6px; align-items: center; }
  ul.misfits { margin: 2px 0 0; padding-left: 18px; }
`;
