import { LocketSyncJoin } from './locket-sync-join.component';

customElements.define('locket-sync-join', LocketSyncJoin);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-join': LocketSyncJoin;
  }
}

export { LocketSyncJoin };
