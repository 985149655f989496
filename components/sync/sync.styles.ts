import { css } from 'lit';

/** What the Sync elements share: their headings, lists, confirmations and outcomes. */
export const syncStyles = css`
  :host { display: grid; gap: 12px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  .status { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
  .confirm { border-left: 3px solid var(--locket-danger); padding: 6px 10px; display: grid; gap: 6px; background: var(--locket-surface-alt); }
  .box { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 10px 12px; display: grid; gap: 8px; }
`;
