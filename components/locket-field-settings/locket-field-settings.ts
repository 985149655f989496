import { LocketFieldSettings } from './locket-field-settings.component';

customElements.define('locket-field-settings', LocketFieldSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-field-settings': LocketFieldSettings;
  }
}

export { LocketFieldSettings };
