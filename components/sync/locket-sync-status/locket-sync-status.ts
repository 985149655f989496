import { LocketSyncStatus } from './locket-sync-status.component';

customElements.define('locket-sync-status', LocketSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-status': LocketSyncStatus;
  }
}

export { LocketSyncStatus };
