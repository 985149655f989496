import { css } from 'lit';

export const changePasswordStyles = css`
  :host { display: block; }
  h3 { font-size: 15px; margin: 0; }
  p { margin: 0; }
  .status { color: var(--locket-success); margin: 0; }
`;
