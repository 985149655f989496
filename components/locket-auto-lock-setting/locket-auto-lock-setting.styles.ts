import { css } from 'lit';

export const autoLockStyles = css`
  :host { display: grid; gap: 10px; }
  h3 { font-size: 15px; margin: 0; }
  fieldset { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px 12px; margin: 0; }
  legend { font-weight: 600; padding: 0 4px; }
  fieldset label { display: flex; align-items: center; padding: 3px 0; font-weight: normal; }
  .actions { display: flex; gap: var(--locket-gap); align-items: center; }
  .status { color: var(--locket-success); margin: 0; }
  .error { color: var(--locket-danger); margin: 0; }
`;
