import { LocketLogActivity } from './locket-log-activity.component';

customElements.define('locket-log-activity', LocketLogActivity);

declare global {
  interface HTMLElementTagNameMap {
    'locket-log-activity': LocketLogActivity;
  }
}

export { LocketLogActivity };
