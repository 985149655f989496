import { LocketMergeDone } from './locket-merge-done.component';

customElements.define('locket-merge-done', LocketMergeDone);

declare global {
  interface HTMLElementTagNameMap {
    'locket-merge-done': LocketMergeDone;
  }
}

export { LocketMergeDone };
