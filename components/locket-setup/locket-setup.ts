import { LocketSetup } from './locket-setup.component';

customElements.define('locket-setup', LocketSetup);

declare global {
  interface HTMLElementTagNameMap {
    'locket-setup': LocketSetup;
  }
}

export { LocketSetup };
