import { LocketTrash } from './locket-trash.component';

customElements.define('locket-trash', LocketTrash);

declare global {
  interface HTMLElementTagNameMap {
    'locket-trash': LocketTrash;
  }
}

export { LocketTrash };
