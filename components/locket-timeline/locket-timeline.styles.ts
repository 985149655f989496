import { css } from 'lit';

export const timelineStyles = css`
  :host { display: block; margin-top: 16px; }
  h3 { font-size: 14px; margin: 8px 0 6px; }
  ol { list-style: none; padding: 0; margin: 0; }
  li { padding: 4px 0; border-bottom: 1px solid var(--locket-border); overflow-wrap: anywhere; }
  .body { white-space: pre-wrap; margin: 0; }
  .actions, .inline { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; margin: 6px 0; }
  .toggle { border: 0; background: none; padding: 0; font: inherit; font-weight: 600; color: inherit; }
  .toggle { text-decoration: underline; cursor: pointer; }
  .error { color: var(--locket-danger); }
`;
