import { LocketChangePassword } from './locket-change-password.component';

customElements.define('locket-change-password', LocketChangePassword);

declare global {
  interface HTMLElementTagNameMap {
    'locket-change-password': LocketChangePassword;
  }
}

export { LocketChangePassword };
