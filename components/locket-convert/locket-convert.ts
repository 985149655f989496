import { LocketConvert } from './locket-convert.component';

customElements.define('locket-convert', LocketConvert);

declare global {
  interface HTMLElementTagNameMap {
    'locket-convert': LocketConvert;
  }
}

export { LocketConvert };
