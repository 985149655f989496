import { css } from 'lit';

export const mergeCompareStyles = css`
  :host { display: block; padding: 12px; }
  h2 { margin: 0 0 8px; font-size: 18px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; vertical-align: top; padding: 6px 4px; border-bottom: 1px solid var(--locket-border); }
  th .muted { font-weight: normal; font-size: 13px; }
  td { white-space: pre-line; overflow-wrap: anywhere; }
  label { display: flex; gap: 4px; align-items: flex-start; }
  .actions { display: flex; gap: var(--locket-gap); margin-top: 12px; }
  .error { color: var(--locket-danger); margin: 4px 0; }
`;
