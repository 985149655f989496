import { LocketSearch } from './locket-search.component';

customElements.define('locket-search', LocketSearch);

declare global {
  interface HTMLElementTagNameMap {
    'locket-search': LocketSearch;
  }
}

export { LocketSearch };
