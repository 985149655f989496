import { css } from 'lit';

export const loginHistoryStyles = css`
  :host { display: grid; gap: 8px; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  caption { text-align: left; color: var(--locket-muted); padding-bottom: 4px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--locket-border); vertical-align: top; }
  th { background: var(--locket-surface-alt); font-weight: 600; }
  .success { color: var(--locket-success); }
  .failure, .throttled { color: var(--locket-danger); }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; justify-content: space-between; }
  .actions p { margin: 0; }
`;
