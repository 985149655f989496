import { LocketImportSettings } from './locket-import-settings.component';

customElements.define('locket-import-settings', LocketImportSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-import-settings': LocketImportSettings;
  }
}

export { LocketImportSettings };
