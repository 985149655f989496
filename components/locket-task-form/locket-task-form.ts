import { LocketTaskForm } from './locket-task-form.component';

customElements.define('locket-task-form', LocketTaskForm);

declare global {
  interface HTMLElementTagNameMap {
    'locket-task-form': LocketTaskForm;
  }
}

export { LocketTaskForm };
