import { css } from 'lit';

export const sweepStatusStyles = css`
  :host { display: grid; gap: 8px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  ul.report { margin: 0; padding-left: 18px; display: grid; gap: 2px; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .status { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
  .held { font-weight: 600; }
`;
