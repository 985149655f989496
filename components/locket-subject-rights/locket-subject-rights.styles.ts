import { css } from 'lit';

export const subjectRightsStyles = css`
  :host { display: block; margin: 8px 0; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; }
  .confirm { border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 8px; margin-top: 8px; }
  .confirm ul { margin: 4px 0 8px; padding-left: 20px; }
  .check { display: flex; gap: 6px; align-items: flex-start; margin-bottom: 8px; }
  .check input { width: auto; margin-top: 3px; }
  .error { color: var(--locket-danger); }
`;
