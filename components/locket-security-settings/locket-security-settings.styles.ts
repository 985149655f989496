import { css } from 'lit';

export const securitySettingsStyles = css`
  :host { display: grid; gap: 24px; }
  h3 { font-size: 15px; margin: 0 0 6px; }
  p { margin: 0; }
  .two-factor { padding: 8px 12px; border-radius: var(--locket-radius); background: var(--locket-surface-alt); }
  .two-factor.on { background: var(--locket-success-surface); }
  .two-factor.weaker { background: var(--locket-warning-surface); }
  .recovery form { display: grid; gap: 8px; }
  .recovery { display: grid; gap: 8px; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; }
  .error { color: var(--locket-danger); }
`;
