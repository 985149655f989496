import { LocketAutoLockSetting } from './locket-auto-lock-setting.component';

customElements.define('locket-auto-lock-setting', LocketAutoLockSetting);

declare global {
  interface HTMLElementTagNameMap {
    'locket-auto-lock-setting': LocketAutoLockSetting;
  }
}

export { LocketAutoLockSetting };
