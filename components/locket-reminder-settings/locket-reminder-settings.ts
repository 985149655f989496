import { LocketReminderSettings } from './locket-reminder-settings.component';

customElements.define('locket-reminder-settings', LocketReminderSettings);

declare global {
  interface HTMLElementTagNameMap {
    'locket-reminder-settings': LocketReminderSettings;
  }
}

export { LocketReminderSettings };
