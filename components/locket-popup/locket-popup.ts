import { LocketPopup } from './locket-popup.component';

customElements.define('locket-popup', LocketPopup);

declare global {
  interface HTMLElementTagNameMap {
    'locket-popup': LocketPopup;
  }
}

export { LocketPopup };
