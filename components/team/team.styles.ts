import { css } from 'lit';

/** What the Team elements share beyond the Sync elements' styles: the members table and the words to compare. */
export const teamStyles = css`
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; color: var(--locket-muted); padding-bottom: 4px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--locket-border); vertical-align: top; }
  thead th { background: var(--locket-surface-alt); }
  .acts { display: flex; gap: 6px; flex-wrap: wrap; }
  ol.words { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; margin: 0; list-style: none; font-size: 18px; font-weight: 600; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; }
  .hint { font-size: 12px; color: var(--locket-muted); }
  .warning { color: var(--locket-warning-text); background: var(--locket-warning-surface); border-left: 3px solid var(--locket-warning-border); padding: 4px 8px; }
  .check { display: flex; gap: 6px; align-items: center; font-weight: 600; }
  .code { display: flex; flex-wrap: wrap; gap: 4px 12px; font: 600 22px/1.2 ui-monospace, monospace; letter-spacing: 1px; }
  fieldset .check { flex-wrap: wrap; }
  fieldset .check .hint { flex-basis: 100%; margin-left: 22px; font-weight: 400; }
  fieldset { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); display: grid; gap: 6px; }
`;
