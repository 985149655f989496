import { LocketRecordDetail } from './locket-record-detail.component';

customElements.define('locket-record-detail', LocketRecordDetail);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-detail': LocketRecordDetail;
  }
}

export { LocketRecordDetail };
