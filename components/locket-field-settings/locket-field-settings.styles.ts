import { css } from 'lit';

export const fieldSettingsStyles = css`
  :host { display: block; }
  .lead { color: var(--locket-muted); margin: 0 0 10px; }
  ol.fields { list-style: none; padding: 0; margin: 10px 0; display: grid; gap: 6px; }
  ol.fields li { display: flex; flex-wrap: wrap; align-items: center; gap: var(--locket-gap); }
  ol.fields .name { font-weight: 600; }
  .add-fields { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); align-items: end; }
  .check { display: flex; gap: 6px; align-items: center; }
  .confirm { display: flex; flex-wrap: wrap; gap: var(--locket-gap); align-items: center; }
`;
