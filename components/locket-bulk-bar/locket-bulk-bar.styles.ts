import { css } from 'lit';

export const bulkBarStyles = css`
  :host { display: block; }
  .bar { display: grid; gap: 6px; padding: 6px 12px; border-bottom: 1px solid var(--locket-border); background: var(--locket-surface); }
  .actions { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
  form { display: flex; gap: 6px; flex-wrap: wrap; align-items: end; }
  label { display: grid; gap: 2px; font-weight: 600; }
  .notice { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
`;
