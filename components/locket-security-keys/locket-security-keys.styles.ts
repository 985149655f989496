import { css } from 'lit';

export const securityKeysStyles = css`
  :host { display: grid; gap: 16px; }
  h3 { font-size: 15px; margin: 0 0 6px; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  li { border: 1px solid var(--locket-border); border-radius: var(--locket-radius); padding: 8px 12px; display: grid; gap: 4px; }
  .key-head { display: flex; gap: var(--locket-gap); align-items: baseline; flex-wrap: wrap; }
  .key-head .name { font-weight: 600; flex: 1; }
  .kind { font-size: 12px; border-radius: 10px; padding: 1px 8px; background: var(--locket-surface-alt); border: 1px solid var(--locket-border); }
  .kind.prf { background: var(--locket-success-surface); border-color: var(--locket-success-border); color: var(--locket-success); }
  .warning { margin: 0; color: var(--locket-warning-text); background: var(--locket-warning-surface); border-left: 3px solid var(--locket-warning-border); padding: 4px 8px; }
  div.warning { display: grid; gap: 6px; justify-items: start; }
  div.warning p { margin: 0; }
  .remove-form { border-top: 1px solid var(--locket-border); padding-top: 8px; margin-top: 4px; }
  .status { color: var(--locket-success); margin: 0; }
`;
