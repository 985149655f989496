import { css } from 'lit';

export const importStyles = css`
  :host { display: grid; gap: 12px; }
  h3 { font-size: 15px; margin: 8px 0 0; }
  .file { display: grid; gap: 8px; border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 10px 12px; }
  .scroll { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid var(--locket-border); padding: 3px 6px; text-align: left; vertical-align: top; }
  thead th { background: var(--locket-surface-alt); }
  /* The preview keeps each cell on one line and scrolls sideways rather than squeezing columns. */
  table.preview { width: max-content; }
  table.preview th, table.preview td { white-space: nowrap; max-width: 16em; overflow: hidden; text-overflow: ellipsis; }
  table.mapping tbody th { font-weight: 600; white-space: nowrap; }
  td.example { color: var(--locket-muted); white-space: nowrap; max-width: 18em; overflow: hidden; text-overflow: ellipsis; }
  select { max-width: 260px; }
  fieldset { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px 12px; margin: 0; }
  legend { font-weight: 600; padding: 0 4px; }
  fieldset label { display: flex; align-items: center; gap: 6px; padding: 2px 0; font-weight: normal; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .status { color: var(--locket-success); margin: 0; }
  .error { color: var(--locket-danger); margin: 0; }
  progress { width: 100%; }
  ul.rows { margin: 0; padding-left: 18px; font-size: 13px; }
`;
