import { LocketLoginHistory } from './locket-login-history.component';

customElements.define('locket-login-history', LocketLoginHistory);

declare global {
  interface HTMLElementTagNameMap {
    'locket-login-history': LocketLoginHistory;
  }
}

export { LocketLoginHistory };
