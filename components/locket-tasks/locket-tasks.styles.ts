import { css } from 'lit';

export const tasksStyles = css`
  :host { display: block; padding: 12px; }
  .head { display: flex; align-items: center; justify-content: space-between; gap: var(--locket-gap); }
  h2 { margin: 0; font-size: 18px; }
  h3 { margin: 14px 0 4px; font-size: 15px; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; padding: 8px 0; border-bottom: 1px solid var(--locket-border); }
  li > .body { display: grid; gap: 2px; min-width: 0; }
  .description { font-weight: 600; overflow-wrap: anywhere; }
  .done .description { text-decoration: line-through; font-weight: 400; }
  .meta { font-size: 13px; color: var(--locket-muted); display: flex; gap: 6px; flex-wrap: wrap; }
  .overdue .due { color: var(--locket-danger); }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; margin-top: 4px; }
  .link { border: 0; padding: 0; background: none; color: var(--locket-accent); text-decoration: underline; text-align: start; }
  .error { color: var(--locket-danger); margin: 4px 0; }
  .empty { color: var(--locket-muted); margin: 4px 0; }
`;
