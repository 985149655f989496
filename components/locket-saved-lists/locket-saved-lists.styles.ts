import { css } from 'lit';

export const savedListsStyles = css`
  :host { display: block; }
  nav, form, .actions { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
  .actions, form { margin-top: 4px; }
  button[aria-current='page'] { font-weight: 600; }
  .problem { color: var(--locket-danger, #b00020); margin: 2px 0; }
`;
