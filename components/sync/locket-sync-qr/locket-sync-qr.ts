import { LocketSyncQr } from './locket-sync-qr.component';

customElements.define('locket-sync-qr', LocketSyncQr);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-qr': LocketSyncQr;
  }
}

export { LocketSyncQr };
