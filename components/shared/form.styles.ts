import { css } from 'lit';

/** Labels, hints and per-field messages, the same in every form. */
export const formStyles = css`
  form { display: grid; gap: 10px; }
  .field { display: grid; gap: 3px; }
  label, .label { font-weight: 600; }
  .hint { font-size: 12px; color: var(--locket-muted); }
  .error { color: var(--locket-danger); font-size: 13px; }
  [aria-invalid='true'] { border-color: var(--locket-danger); }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; }
`;
