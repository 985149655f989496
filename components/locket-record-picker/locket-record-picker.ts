import { LocketRecordPicker } from './locket-record-picker.component';

customElements.define('locket-record-picker', LocketRecordPicker);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-picker': LocketRecordPicker;
  }
}

export { LocketRecordPicker };
