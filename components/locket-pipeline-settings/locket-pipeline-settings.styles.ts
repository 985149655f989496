import { css } from 'lit';

export const pipelineSettingsStyles = css`
  :host { display: block; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 4px; vertical-align: middle; }
  td input[type='number'] { width: 6em; }
  td input[type='text'] { width: 100%; min-width: 10em; }
  .actions { display: flex; gap: 4px; flex-wrap: wrap; }
  .row { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; margin: 8px 0; }
  .confirm { border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 8px; margin: 8px 0; display: grid; gap: 6px; }
  .error { color: var(--locket-danger); }
  .saved { color: var(--locket-success); }
  ul { padding-inline-start: 18px; }
  h3 { font-size: 15px; margin: 16px 0 4px; }
`;
