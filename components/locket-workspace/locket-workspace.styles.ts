import { css } from 'lit';

export const workspaceStyles = css`
  :host { display: flex; flex-direction: column; height: 100vh; background: var(--locket-surface); }
  header { padding: 8px 12px; border-bottom: 1px solid var(--locket-border); display: grid; gap: 8px; }
  h1 { font-size: 16px; margin: 0; }
  .title { display: flex; align-items: center; gap: var(--locket-gap); }
  .title .spacer { flex: 1; }
  [aria-current='page'] { background: var(--locket-surface-alt); font-weight: 600; }
  [role='tablist'] { display: flex; gap: 4px; flex-wrap: wrap; }
  [role='tab'] { border-radius: 14px; padding: 2px 10px; }
  [role='tab'][aria-selected='true'] { background: var(--locket-accent); color: var(--locket-accent-text); border-color: var(--locket-accent); }
  .toolbar { display: flex; gap: var(--locket-gap); align-items: center; padding: 8px 12px; }
  .toolbar .spacer { flex: 1; }
  main { flex: 1; display: flex; flex-direction: column; min-height: 0; overflow: auto; }
  locket-search { max-height: 50vh; overflow: auto; }
`;
