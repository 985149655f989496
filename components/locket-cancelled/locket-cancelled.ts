import { LocketCancelled } from './locket-cancelled.component';

customElements.define('locket-cancelled', LocketCancelled);

declare global {
  interface HTMLElementTagNameMap {
    'locket-cancelled': LocketCancelled;
  }
}

export { LocketCancelled };
