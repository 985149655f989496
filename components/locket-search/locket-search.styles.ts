import { css } from 'lit';

export const searchStyles = css`
  :host { display: block; }
  input { padding: 6px 8px; }
  ul { list-style: none; margin: 4px 0 0; padding: 0; }
  li { border-bottom: 1px solid var(--locket-border); padding: 6px 8px; }
  .kind { font-size: 12px; float: right; }
  .status { margin: 6px 8px; }
`;
