import { css } from 'lit';

export const tagsSettingsStyles = css`
  :host { display: grid; gap: 12px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--locket-border); }
  form { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
`;
