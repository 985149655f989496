import { css } from 'lit';

export const duplicatesStyles = css`
  :host { display: block; padding: 12px; }
  h2 { margin: 0; font-size: 18px; }
  p { margin: 8px 0; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { display: grid; gap: 2px; padding: 8px 0; border-bottom: 1px solid var(--locket-border); }
  .names { font-weight: 600; overflow-wrap: anywhere; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; margin-top: 4px; }
  .error { color: var(--locket-danger); margin: 4px 0; }
`;
