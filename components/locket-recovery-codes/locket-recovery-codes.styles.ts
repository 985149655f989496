import { css } from 'lit';

export const recoveryCodesStyles = css`
  :host { display: block; }
  .box { border: 2px solid var(--locket-warning-border); background: var(--locket-warning-surface); border-radius: var(--locket-radius); padding: 12px 16px; }
  h3 { margin: 0 0 4px; font-size: 15px; }
  p { margin: 0 0 8px; }
  ol { columns: 2; margin: 8px 0 12px; padding-left: 28px; font: 15px/1.8 ui-monospace, 'SFMono-Regular', Menlo, monospace; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; }
  .status { color: var(--locket-success); }
`;
