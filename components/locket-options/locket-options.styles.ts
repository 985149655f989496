import { css } from 'lit';

export const optionsStyles = css`
  :host { display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; }
  nav { background: var(--locket-surface-alt); border-right: 1px solid var(--locket-border); padding: 16px; }
  nav h1 { font-size: 18px; margin: 0 0 16px; }
  nav ul { list-style: none; padding: 0; margin: 0; }
  nav a { display: block; padding: 4px 0; color: inherit; }
  main { padding: 16px 24px; max-width: 760px; }
  section { margin-bottom: 32px; }
  h2 { font-size: 16px; }
  form { display: grid; gap: 10px; }
  .field { display: grid; gap: 3px; }
  label { font-weight: 600; }
  .error { color: var(--locket-danger); font-size: 13px; }
  .saved { color: var(--locket-success); }
  [aria-invalid='true'] { border-color: var(--locket-danger); }
`;
