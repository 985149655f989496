import { LocketCancelAccount } from './locket-cancel-account.component';

customElements.define('locket-cancel-account', LocketCancelAccount);

declare global {
  interface HTMLElementTagNameMap {
    'locket-cancel-account': LocketCancelAccount;
  }
}

export { LocketCancelAccount };
