import { css } from 'lit';

/** The centred card the setup and unlock screens share. */
export const panelStyles = css`
  :host { display: block; padding: 16px; max-width: 420px; margin: 0 auto; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  p.lead { margin: 0 0 14px; color: var(--locket-muted); }
  .form-error { color: var(--locket-danger); margin: 0; }
`;
