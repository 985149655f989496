import { css } from 'lit';

export const usersSettingsStyles = css`
  :host { display: grid; gap: 8px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; color: var(--locket-muted); padding-bottom: 4px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--locket-border); }
  thead th { background: var(--locket-surface-alt); }
  th { font-weight: 600; }
  .on { color: var(--locket-success); }
  td ul { list-style: none; margin: 0; padding: 0; }
  .source { display: block; font-size: 12px; }
`;
