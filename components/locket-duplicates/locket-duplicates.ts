import { LocketDuplicates } from './locket-duplicates.component';

customElements.define('locket-duplicates', LocketDuplicates);

declare global {
  interface HTMLElementTagNameMap {
    'locket-duplicates': LocketDuplicates;
  }
}

export { LocketDuplicates };
