import { LocketSecurityKeys } from './locket-security-keys.component';

customElements.define('locket-security-keys', LocketSecurityKeys);

declare global {
  interface HTMLElementTagNameMap {
    'locket-security-keys': LocketSecurityKeys;
  }
}

export { LocketSecurityKeys };
