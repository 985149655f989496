import { LocketExportSettings } from './locket-export-settings.component';

customElements.define('locket-export-settings', LocketExportSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-export-settings': LocketExportSettings;
  }
}

export { LocketExportSettings };
