import { LocketGate } from './locket-gate.component';

customElements.define('locket-gate', LocketGate);

declare global {
  interface HTMLElementTagNameMap {
    'locket-gate': LocketGate;
  }
}

export { LocketGate };
