import { LocketRecordForm } from './locket-record-form.component';

customElements.define('locket-record-form', LocketRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-form': LocketRecordForm;
  }
  interface HTMLElementEventMap {
    /** The form's values after each edit, so a caller can keep a draft. */
    'locket-form-input': CustomEvent<{ readonly values: Readonly<Record<string, string>> }>;
  }
}

export { LocketRecordForm };
