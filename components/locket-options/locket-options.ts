import { LocketOptions } from './locket-options.component';

customElements.define('locket-options', LocketOptions);

declare global {
  interface HTMLElementTagNameMap {
    'locket-options': LocketOptions;
  }
}

export { LocketOptions };
