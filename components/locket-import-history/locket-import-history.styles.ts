import { css } from 'lit';

export const importHistoryStyles = css`
  :host { display: grid; gap: 8px; }
  h3 { font-size: 15px; margin: 8px 0 0; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid var(--locket-border); padding: 3px 6px; text-align: left; vertical-align: middle; }
  thead th { background: var(--locket-surface-alt); }
  .confirm { display: grid; gap: 8px; border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 10px 12px; }
  .confirm p { margin: 0; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .status { color: var(--locket-success); margin: 0; }
  .error { color: var(--locket-danger); margin: 0; }
  .muted { color: var(--locket-muted); margin: 0; }
  ul.rows { margin: 0; padding-left: 18px; font-size: 13px; }
`;
