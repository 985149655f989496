import { css } from 'lit';

export const recordDetailStyles = css`
  :host { display: block; padding: 12px; }
  h2 { margin: 0 0 2px; font-size: 18px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 12px 0; }
  dt { color: var(--locket-muted); }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  .actions { display: flex; gap: var(--locket-gap); margin: 8px 0; flex-wrap: wrap; }
  section { margin-top: 16px; }
  h3 { font-size: 14px; margin: 0 0 6px; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: 4px 0; border-bottom: 1px solid var(--locket-border); }
  .link { border: 0; padding: 0; background: none; color: var(--locket-accent); text-decoration: underline; }
  /* pre-wrap keeps the note's own line breaks, so the body sits alone in its element. */
  .note { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
  .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
  .tags .tag { background: var(--locket-surface-alt); border: 0; border-radius: 10px; padding: 0 8px; }
  .confirm { border: 1px solid var(--locket-danger); border-radius: var(--locket-radius); padding: 8px; }
  form { display: grid; gap: 6px; margin-top: 8px; }
  .error { color: var(--locket-danger); }
`;
