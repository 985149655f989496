import { css } from 'lit';

export const pipelineBoardStyles = css`
  :host { display: block; padding: 12px; }
  h2 { margin: 0 0 8px; font-size: 18px; }
  h3 { margin: 0; font-size: 15px; }
  .board { display: flex; gap: var(--locket-gap); overflow-x: auto; padding-bottom: 8px; align-items: flex-start; }
  .column { flex: 0 0 220px; border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px; background: var(--locket-surface-alt); }
  .column.target { outline: 2px solid var(--locket-accent); }
  .summary { margin: 2px 0 8px; font-size: 13px; }
  ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; min-height: 24px; }
  li.card { background: var(--locket-surface, #fff); border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 6px; display: grid; gap: 4px; cursor: grab; }
  li.card.stale { border-color: var(--locket-danger); }
  .badge { font-size: 12px; color: var(--locket-danger); font-weight: 600; }
  .name { border: 0; padding: 0; background: none; color: var(--locket-accent); text-decoration: underline; text-align: start; overflow-wrap: anywhere; }
  select { max-width: 100%; }
  .lost { display: grid; gap: 4px; }
  .row { display: flex; gap: var(--locket-gap); flex-wrap: wrap; }
  .forecast { margin: 0 0 10px; }
  .forecast ul { display: block; }
  .forecast li { display: inline; }
  .forecast li + li::before { content: ' · '; }
  .error { color: var(--locket-danger); }
`;
