import { LocketTagsSettings } from './locket-tags-settings.component';

customElements.define('locket-tags-settings', LocketTagsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-tags-settings': LocketTagsSettings;
  }
}

export { LocketTagsSettings };
