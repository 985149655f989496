import { css } from 'lit';

export const auditLogStyles = css`
  :host { display: grid; gap: 8px; }
  p { margin: 0; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  caption { text-align: left; color: var(--locket-muted); padding-bottom: 4px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--locket-border); vertical-align: top; }
  th { background: var(--locket-surface-alt); font-weight: 600; }
  /* Times, names and hashes stay on one line; words and details wrap rather than widen the page. */
  td { white-space: nowrap; }
  td.what { white-space: normal; min-width: 9em; }
  td.details { white-space: normal; overflow-wrap: anywhere; min-width: 10em; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .pager { justify-content: space-between; }
  .intact { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
`;
