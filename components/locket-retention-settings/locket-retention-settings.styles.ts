import { css } from 'lit';

export const retentionSettingsStyles = css`
  :host { display: grid; gap: 20px; }
  .part { display: grid; gap: 8px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  ul.kept { margin: 0; padding-left: 18px; }
  .field { display: grid; gap: 3px; max-width: 240px; }
  label { font-weight: 600; }
  .status { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
`;
