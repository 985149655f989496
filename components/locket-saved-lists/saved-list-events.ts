import type { SavedList } from '../../core/filters/filter-schema';

/** What the saved lists' navigation says upward. */
export interface SavedListEventMap {
  'locket-open-list': CustomEvent<{ readonly list: SavedList }>;
  'locket-list-deleted': CustomEvent<{ readonly id: string }>;
}

export const savedListEvent = <N extends keyof SavedListEventMap>(name: N, detail: SavedListEventMap[N]['detail']): SavedListEventMap[N] =>
  new CustomEvent(name, { detail, bubbles: true, composed: true }) as SavedListEventMap[N];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SavedListEventMap {}
}
