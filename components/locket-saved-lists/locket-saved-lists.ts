import { LocketSavedLists } from './locket-saved-lists.component';

customElements.define('locket-saved-lists', LocketSavedLists);

declare global {
  interface HTMLElementTagNameMap {
    'locket-saved-lists': LocketSavedLists;
  }
}

export { LocketSavedLists };
