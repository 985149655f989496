import { LocketMemberLogins } from './locket-member-logins.component';

customElements.define('locket-member-logins', LocketMemberLogins);

declare global {
  interface HTMLElementTagNameMap {
    'locket-member-logins': LocketMemberLogins;
  }
}

export { LocketMemberLogins };
