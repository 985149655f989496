import { css } from 'lit';

export const storageUseStyles = css`
  :host { display: grid; gap: 8px; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .muted { color: var(--locket-muted); }
  .error { color: var(--locket-danger); }
`;
