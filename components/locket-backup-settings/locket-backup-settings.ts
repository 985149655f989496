import { LocketBackupSettings } from './locket-backup-settings.component';

customElements.define('locket-backup-settings', LocketBackupSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-backup-settings': LocketBackupSettings;
  }
}

export { LocketBackupSettings };
