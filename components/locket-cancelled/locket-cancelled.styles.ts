import { css } from 'lit';

export const cancelledStyles = css`
  p.hint { margin: 0 0 10px; }
`;
