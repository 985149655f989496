import { LocketUnlock } from './locket-unlock.component';

customElements.define('locket-unlock', LocketUnlock);

declare global {
  interface HTMLElementTagNameMap {
    'locket-unlock': LocketUnlock;
  }
}

export { LocketUnlock };
