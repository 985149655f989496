import { LocketCapture } from './locket-capture.component';

customElements.define('locket-capture', LocketCapture);

declare global {
  interface HTMLElementTagNameMap {
    'locket-capture': LocketCapture;
  }
}

export { LocketCapture };
