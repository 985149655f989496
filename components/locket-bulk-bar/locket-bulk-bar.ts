import { LocketBulkBar } from './locket-bulk-bar.component';

customElements.define('locket-bulk-bar', LocketBulkBar);

declare global {
  interface HTMLElementTagNameMap {
    'locket-bulk-bar': LocketBulkBar;
  }
  interface HTMLElementEventMap {
    /** The bar is done with the selection (a change applied, or the owner cleared it). */
    'locket-bulk-clear': CustomEvent<undefined>;
  }
}

export { LocketBulkBar };
