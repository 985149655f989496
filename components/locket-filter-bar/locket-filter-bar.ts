import { LocketFilterBar } from './locket-filter-bar.component';

customElements.define('locket-filter-bar', LocketFilterBar);

declare global {
  interface HTMLElementTagNameMap {
    'locket-filter-bar': LocketFilterBar;
  }
}

export { LocketFilterBar };
