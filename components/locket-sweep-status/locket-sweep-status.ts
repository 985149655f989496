import { LocketSweepStatus } from './locket-sweep-status.component';

customElements.define('locket-sweep-status', LocketSweepStatus);

declare global {
  interface HTMLElementTagNameMap {
    'locket-sweep-status': LocketSweepStatus;
  }
}

export { LocketSweepStatus };
