import { LocketRecordTasks } from './locket-record-tasks.component';

customElements.define('locket-record-tasks', LocketRecordTasks);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-tasks': LocketRecordTasks;
  }
}

export { LocketRecordTasks };
