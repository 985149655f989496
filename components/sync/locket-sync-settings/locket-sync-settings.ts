import { LocketSyncSettings } from './locket-sync-settings.component';

customElements.define('locket-sync-settings', LocketSyncSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sync-settings': LocketSyncSettings;
  }
}

export { LocketSyncSettings };
