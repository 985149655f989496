import { css } from 'lit';

export const popupStyles = css`
  :host { display: block; width: 360px; padding: 10px; }
  header { display: flex; align-items: center; gap: var(--locket-gap); margin-bottom: 8px; }
  h1 { font-size: 16px; margin: 0; flex: 1; }
  h2 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--locket-muted); }
  ul { list-style: none; margin: 0; padding: 0; }
  li.row-item { border-bottom: 1px solid var(--locket-border); padding: 5px 4px; }
  [role='radiogroup'] { display: flex; gap: 12px; }
  .saved { color: var(--locket-success); margin: 4px 0 0; }
  .on-page { border: 1px solid var(--locket-border); border-radius: 6px; padding: 6px 8px; margin-bottom: 8px; }
  .page-record { margin: 0 0 6px; font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; }
  .error { color: var(--locket-danger); margin: 0 0 8px; }
`;
