import { LocketStorageUse } from './locket-storage-use.component';

customElements.define('locket-storage-use', LocketStorageUse);

declare global {
  interface HTMLElementTagNameMap {
    'locket-storage-use': LocketStorageUse;
  }
}

export { LocketStorageUse };
