import { css } from 'lit';

export const recordListStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; flex: 1; }
  .count { padding: 4px 12px; }
  lit-virtualizer { flex: 1; min-height: 200px; }
  /* The virtualizer positions each row absolutely, which would shrink it to its text. */
  lit-virtualizer > [role='listitem'] { width: 100%; }
  .row.row-item { padding-left: 36px; }
  /* Above the row's open button, whose ::after covers the row. */
  .pick { position: absolute; left: 12px; top: 16px; z-index: 1; margin: 0; }
  .row { border-bottom: 1px solid var(--locket-border); padding: 6px 12px; height: 52px; background: var(--locket-surface); }
  .title { display: block; width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .subtitle { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .placeholder { height: 52px; padding: 6px 12px; border-bottom: 1px solid var(--locket-border); }
  .empty { padding: 24px 12px; text-align: center; }
`;
