import { css } from 'lit';

export const passwordFieldStyles = css`
  :host { display: grid; gap: 3px; }
  .row { display: flex; gap: var(--locket-gap); }
  .row input { flex: 1; }
  meter { width: 100%; height: 8px; }
  ul { margin: 2px 0 0; padding-left: 18px; font-size: 13px; }
  .problem { color: var(--locket-danger); }
`;
