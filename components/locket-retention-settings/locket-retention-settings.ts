import { LocketRetentionSettings } from './locket-retention-settings.component';

customElements.define('locket-retention-settings', LocketRetentionSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-retention-settings': LocketRetentionSettings;
  }
}

export { LocketRetentionSettings };
