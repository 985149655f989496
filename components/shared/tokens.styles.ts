import { css } from 'lit';

/** Design tokens and the base rules every element shares. */
export const baseStyles = css`
  :host {
    --locket-accent: #1f5eff;
    --locket-accent-text: #fff;
    --locket-danger: #b42318;
    --locket-muted: #5b6472;
    --locket-border: #d5d9e0;
    --locket-surface: #fff;
    --locket-surface-alt: #f5f7fa;
    --locket-radius: 6px;
    --locket-gap: 8px;
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif;
    color: #1b1f24;
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  button {
    font: inherit;
    border: 1px solid var(--locket-border);
    background: var(--locket-surface);
    border-radius: var(--locket-radius);
    padding: 4px 10px;
    cursor: pointer;
  }
  button.primary { background: var(--locket-accent); color: var(--locket-accent-text); border-color: var(--locket-accent); }
  button.danger { color: var(--locket-danger); border-color: var(--locket-danger); }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
    outline: 2px solid var(--locket-accent);
    outline-offset: 1px;
  }
  input, select, textarea {
    font: inherit;
    border: 1px solid var(--locket-border);
    border-radius: var(--locket-radius);
    padding: 4px 6px;
    width: 100%;
  }
  input[type='radio'], input[type='checkbox'] { width: auto; padding: 0; margin: 0 4px 0 0; }
  .muted { color: var(--locket-muted); }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
