import { LocketTeamSettings } from './locket-team-settings.component';

customElements.define('locket-team-settings', LocketTeamSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-team-settings': LocketTeamSettings;
  }
}

export { LocketTeamSettings };
