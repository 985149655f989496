import { LocketPasswordField } from './locket-password-field.component';

customElements.define('locket-password-field', LocketPasswordField);

declare global {
  interface HTMLElementTagNameMap {
    'locket-password-field': LocketPasswordField;
  }
}

export { LocketPasswordField };
