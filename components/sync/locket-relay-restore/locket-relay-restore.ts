import { LocketRelayRestore } from './locket-relay-restore.component';

customElements.define('locket-relay-restore', LocketRelayRestore);

declare global {
  interface HTMLElementTagNameMap {
    'locket-relay-restore': LocketRelayRestore;
  }
}

export { LocketRelayRestore };
