import { LocketRecordForm } from './locket-record-form.component';

customElements.define('locket-record-form', LocketRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-form': LocketRecordForm;
  }
}

export { LocketRecordForm };
