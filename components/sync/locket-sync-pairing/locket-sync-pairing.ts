import { LocketSyncPairing } from './locket-sync-pairing.component';

customElements.define('locket-sync-pairing', LocketSyncPairing);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-pairing': LocketSyncPairing;
  }
}

export { LocketSyncPairing };
