import { LocketRelayCopy } from './locket-relay-copy.component';

customElements.define('locket-relay-copy', LocketRelayCopy);

declare global {
  interface HTMLElementTagNameMap {
    'locket-relay-copy': LocketRelayCopy;
  }
}

export { LocketRelayCopy };
