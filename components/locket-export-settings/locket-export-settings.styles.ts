import { css } from 'lit';

export const exportSettingsStyles = css`
  :host { display: block; }
  fieldset { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); display: grid; gap: 4px; }
  .check { display: flex; gap: 6px; align-items: center; font-weight: normal; }
  .check input { width: auto; }
  progress { width: 100%; height: 12px; }
  .done { color: var(--locket-success); }
`;
