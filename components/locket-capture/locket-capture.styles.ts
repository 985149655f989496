import { css } from 'lit';

export const captureStyles = css`
  :host { display: block; padding-bottom: 12px; }
  /* The form brings its own padding; everything else lines up with it. */
  section > :not(locket-record-form) { margin-left: 12px; margin-right: 12px; }
  h2 { font-size: 15px; margin: 4px 0 2px; overflow-wrap: anywhere; }
  h3 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--locket-muted); }
  p { margin: 4px 0; overflow-wrap: anywhere; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { display: flex; align-items: center; gap: var(--locket-gap); border-bottom: 1px solid var(--locket-border); }
  li button { flex: 1; text-align: left; border: 0; border-radius: 0; padding: 5px 4px; overflow-wrap: anywhere; }
  li button:focus-visible { outline-offset: -2px; }
  .saved { color: var(--locket-success); font-size: 12px; padding-right: 4px; }
  .actions { display: flex; gap: var(--locket-gap); flex-wrap: wrap; align-items: center; margin-top: 8px; }
  .twin, .failure { border: 1px solid var(--locket-border); background: var(--locket-surface-alt); border-radius: var(--locket-radius); padding: 8px; margin-block: 8px; }
  .failure [role='alert'] { color: var(--locket-danger); }
  .source { font-size: 12px; margin-top: 0; }
  cite { font-style: normal; font-weight: 600; }
  .note-preview { white-space: pre-wrap; max-height: 6em; overflow: auto; font-size: 13px; }
  label.option { display: flex; align-items: center; gap: 4px; margin-top: 8px; }
`;
