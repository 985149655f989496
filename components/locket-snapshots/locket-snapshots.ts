import { LocketSnapshots } from './locket-snapshots.component';

customElements.define('locket-snapshots', LocketSnapshots);

declare global {
  interface HTMLElementTagNameMap {
    'locket-snapshots': LocketSnapshots;
  }
}

export { LocketSnapshots };
