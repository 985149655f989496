import { css } from 'lit';

export const backupSettingsStyles = css`
  :host { display: grid; gap: 18px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  progress { width: 100%; height: 12px; }
  .confirm { display: grid; gap: 8px; border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 10px 12px; }
  .done { color: var(--locket-success); display: grid; gap: 4px; }
  .done ul { margin: 0; padding-left: 18px; color: var(--locket-text); }
`;
