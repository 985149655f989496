import { css } from 'lit';

export const snapshotsStyles = css`
  :host { display: grid; gap: 8px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  .switch { display: flex; align-items: center; gap: 6px; font-weight: 600; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  table { border-collapse: collapse; font-size: 13px; }
  caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
  th, td { border: 1px solid var(--locket-border); padding: 3px 6px; text-align: left; vertical-align: middle; }
  thead th { background: var(--locket-surface-alt); }
  td.number { text-align: right; }
  .confirm { display: grid; gap: 8px; border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 10px 12px; }
  progress { width: 100%; height: 12px; }
  .status { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
`;
