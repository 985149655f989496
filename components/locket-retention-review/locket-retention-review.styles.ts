import { css } from 'lit';

export const retentionReviewStyles = css`
  :host { display: block; }
  section { display: grid; gap: 8px; border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 10px 12px; }
  h4 { font-size: 14px; margin: 0; }
  p { margin: 0; }
  ul.candidates { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; max-height: 320px; overflow: auto; }
  ul.candidates label { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  .title { font-weight: 600; }
  .since { font-size: 12px; color: var(--locket-muted); }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; flex-wrap: wrap; }
  .confirm { display: grid; gap: 8px; border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 10px 12px; }
  .status { color: var(--locket-success); }
  .error { color: var(--locket-danger); }
`;
