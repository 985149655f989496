import { css } from 'lit';

export const filterBarStyles = css`
  :host { display: block; padding: 4px 12px; border-bottom: 1px solid var(--locket-border); }
  .bar, form { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
  form { margin-top: 4px; }
  ul { display: contents; list-style: none; }
  li { display: inline-flex; align-items: center; gap: 2px; padding: 0 0 0 8px; border: 1px solid var(--locket-border); border-radius: 12px; }
  li button { border: 0; background: none; padding: 0 6px; }
  label { display: inline-flex; gap: 4px; align-items: center; }
  .spacer { flex: 1; }
  .problem { color: var(--locket-danger, #b00020); margin: 2px 0; }
`;
