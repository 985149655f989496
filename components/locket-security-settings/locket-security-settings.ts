import { LocketSecuritySettings } from './locket-security-settings.component';

customElements.define('locket-security-settings', LocketSecuritySettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-security-settings': LocketSecuritySettings;
  }
}

export { LocketSecuritySettings };
