import { LocketSyncFingerprint } from './locket-sync-fingerprint.component';

customElements.define('locket-sync-fingerprint', LocketSyncFingerprint);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-fingerprint': LocketSyncFingerprint;
  }
}

export { LocketSyncFingerprint };
