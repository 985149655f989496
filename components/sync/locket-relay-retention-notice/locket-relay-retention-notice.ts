import { LocketRelayRetentionNotice } from './locket-relay-retention-notice.component';

customElements.define('locket-relay-retention-notice', LocketRelayRetentionNotice);

declare global {
  interface HTMLElementTagNameMap {
    'locket-relay-retention-notice': LocketRelayRetentionNotice;
  }
}

export { LocketRelayRetentionNotice };
