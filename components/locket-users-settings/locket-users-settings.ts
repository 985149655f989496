import { LocketUsersSettings } from './locket-users-settings.component';

customElements.define('locket-users-settings', LocketUsersSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-users-settings': LocketUsersSettings;
  }
}

export { LocketUsersSettings };
