import { LocketSyncConnect } from './locket-sync-connect.component';

customElements.define('locket-sync-connect', LocketSyncConnect);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-connect': LocketSyncConnect;
  }
}

export { LocketSyncConnect };
