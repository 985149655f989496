import { css } from 'lit';

/**
 * Design tokens and the base rules every element shares. Every colour an element uses is a
 * token here, so the dark theme below is complete when it sets them all. Each text colour
 * meets WCAG AA (4.5:1) on both surfaces of its theme; control borders and the focus ring
 * meet 3:1 (WCAG 1.4.11).
 */
export const baseStyles = css`
  :host {
    --locket-text: #1b1f24;
    --locket-accent: #1f5eff;
    --locket-accent-text: #fff;
    --locket-danger: #b42318;
    --locket-success: #067647;
    --locket-success-surface: #ecfdf3;
    --locket-success-border: #abefc6;
    --locket-warning-text: #93370d;
    --locket-warning-surface: #fffaeb;
    --locket-warning-border: #dc6803;
    --locket-meter-strong: #1a7f37;
    --locket-meter-fair: #b7791f;
    --locket-muted: #5b6472;
    --locket-border: #d5d9e0;
    --locket-control-border: #7d8591;
    /* The page's own background in either scheme, so a surface and the page around it are one colour. */
    --locket-surface: Canvas;
    --locket-surface-alt: #f5f7fa;
    --locket-shadow: rgb(0 0 0 / 12%);
    --locket-focus: var(--locket-accent);
    --locket-radius: 6px;
    --locket-gap: 8px;
    color-scheme: light dark;
    font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif;
    color: var(--locket-text);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --locket-text: #e6e9ee;
      --locket-accent: #7aa2ff;
      --locket-accent-text: #0b1020;
      --locket-danger: #ff8a80;
      --locket-success: #5fd39a;
      --locket-success-surface: #0f2a1d;
      --locket-success-border: #2f6b4a;
      --locket-warning-text: #fdc96b;
      --locket-warning-surface: #2e2312;
      --locket-warning-border: #d98b2b;
      --locket-meter-strong: #3fb950;
      --locket-meter-fair: #d29922;
      --locket-muted: #a3acb9;
      --locket-border: #3a404a;
      --locket-control-border: #7d8591;
      --locket-surface-alt: #23272f;
      --locket-shadow: rgb(0 0 0 / 50%);
    }
  }
  *, *::before, *::after { box-sizing: inherit; }
  button {
    font: inherit;
    color: var(--locket-text);
    border: 1px solid var(--locket-control-border);
    background: var(--locket-surface);
    border-radius: var(--locket-radius);
    padding: 4px 10px;
    cursor: pointer;
  }
  button:disabled { color: var(--locket-muted); cursor: default; }
  button.primary { background: var(--locket-accent); color: var(--locket-accent-text); border-color: var(--locket-accent); }
  button.danger { color: var(--locket-danger); border-color: var(--locket-danger); }
  a { color: var(--locket-accent); }
  /*
   * Whatever the keyboard reaches shows it has focus, including headings that focus is moved to.
   * A date field's focus sits in its inner parts, where neither :focus nor :focus-visible
   * matches the field itself; :focus-within does.
   */
  :focus-visible, input:focus-within {
    outline: 2px solid var(--locket-focus);
    outline-offset: 1px;
  }
  input, select, textarea {
    font: inherit;
    color: var(--locket-text);
    background: var(--locket-surface);
    border: 1px solid var(--locket-control-border);
    border-radius: var(--locket-radius);
    padding: 4px 6px;
    width: 100%;
  }
  ::placeholder { color: var(--locket-muted); opacity: 1; }
  input[type='radio'], input[type='checkbox'] { width: auto; padding: 0; margin: 0 4px 0 0; accent-color: var(--locket-accent); }
  .muted { color: var(--locket-muted); }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
