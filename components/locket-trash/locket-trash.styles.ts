import { css } from 'lit';

export const trashStyles = css`
  :host { display: block; padding: 12px; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: var(--locket-gap); }
  h2 { margin: 0; font-size: 18px; }
  p { margin: 8px 0; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { display: grid; gap: 2px; padding: 8px 0; border-bottom: 1px solid var(--locket-border); }
  .title { font-weight: 600; overflow-wrap: anywhere; }
  .left { font-size: 13px; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; margin-top: 4px; }
  .confirm { border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 8px; margin: 8px 0; }
  .confirm p { margin: 0 0 6px; }
  .question { font-weight: 600; }
  .error { color: var(--locket-danger); margin: 4px 0; }
  .restored { background: var(--locket-surface-alt); border-radius: var(--locket-radius); padding: 6px 8px; }
  .link { border: 0; padding: 0; background: none; color: var(--locket-accent); text-decoration: underline; }
  .empty { padding: 24px 0; text-align: center; }
  .more { margin: 8px auto; display: block; }
`;
