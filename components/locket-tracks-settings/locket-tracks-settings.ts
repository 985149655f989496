import { LocketTracksSettings } from './locket-tracks-settings.component';

customElements.define('locket-tracks-settings', LocketTracksSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-tracks-settings': LocketTracksSettings;
  }
}

export { LocketTracksSettings };
