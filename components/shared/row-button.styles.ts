import { css } from 'lit';

/**
 * A list row that opens a record: its button shows, and is named for, the record alone ("Open
 * Ada Lovelace" holds every word it shows, as WCAG 2.5.3 asks), while the details sit beside it
 * in the row. The button's ::after covers the whole row (`.row-item`), so a click anywhere on the
 * row opens the record and the focus ring is drawn round the row.
 */
export const rowButtonStyles = css`
  .row-item { position: relative; }
  .row-item:hover { background: var(--locket-surface-alt); }
  .row-open {
    display: inline; padding: 0; border: 0; border-radius: 0; background: none; color: inherit;
    font: inherit; font-weight: 600; text-align: left; cursor: pointer;
  }
  .row-open::after { content: ''; position: absolute; inset: 0; }
  .row-open:focus-visible { outline: none; }
  /* Inside a scroller an outer ring would be clipped: the ring sits within the row. */
  .row-open:focus-visible::after { outline: 2px solid var(--locket-focus); outline-offset: -2px; }
`;
