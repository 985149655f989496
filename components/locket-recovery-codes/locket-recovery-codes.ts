import { LocketRecoveryCodes } from './locket-recovery-codes.component';

customElements.define('locket-recovery-codes', LocketRecoveryCodes);

declare global {
  interface HTMLElementTagNameMap {
    'locket-recovery-codes': LocketRecoveryCodes;
  }
}

export { LocketRecoveryCodes };
