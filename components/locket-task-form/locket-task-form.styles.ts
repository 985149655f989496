import { css } from 'lit';

export const taskFormStyles = css`
  :host { display: block; padding: 12px; }
  .when { display: grid; grid-template-columns: 1fr 1fr; gap: var(--locket-gap); }
  .about { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
`;
