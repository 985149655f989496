import { css } from 'lit';

export const recordPickerStyles = css`
  :host { display: block; position: relative; }
  .chosen { display: flex; gap: var(--locket-gap); align-items: center; }
  .chosen span { flex: 1; padding: 4px 0; }
  ul[role='listbox'] {
    position: absolute; z-index: 2; left: 0; right: 0; margin: 2px 0 0; padding: 0; list-style: none;
    background: var(--locket-surface); border: 1px solid var(--locket-border); border-radius: var(--locket-radius);
    max-height: 220px; overflow: auto; box-shadow: 0 4px 12px var(--locket-shadow);
  }
  li { padding: 6px 8px; cursor: pointer; }
  li[aria-selected='true'], li:hover { background: var(--locket-surface-alt); }
  /* Focus stays in the box (aria-activedescendant): the ring shows which suggestion Enter picks. */
  li[aria-selected='true'] { outline: 2px solid var(--locket-focus); outline-offset: -2px; }
`;
