import { LocketTasks } from './locket-tasks.component';

customElements.define('locket-tasks', LocketTasks);

declare global {
  interface HTMLElementTagNameMap {
    'locket-tasks': LocketTasks;
  }
}

export { LocketTasks };
