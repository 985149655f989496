import { css } from 'lit';

export const cancelAccountStyles = css`
  :host { display: grid; gap: 12px; }
  p { margin: 0; }
  ul { margin: 0; padding-left: 20px; }
  .confirm { border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 12px; }
  h3 { font-size: 15px; margin: 0; color: var(--locket-danger); }
`;
