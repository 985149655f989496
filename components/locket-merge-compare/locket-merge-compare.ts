import { LocketMergeCompare } from './locket-merge-compare.component';

customElements.define('locket-merge-compare', LocketMergeCompare);

declare global {
  interface HTMLElementTagNameMap {
    'locket-merge-compare': LocketMergeCompare;
  }
}

export { LocketMergeCompare };
