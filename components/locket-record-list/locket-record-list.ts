import { LocketRecordList } from './locket-record-list.component';

customElements.define('locket-record-list', LocketRecordList);

declare global {
  interface HTMLElementTagNameMap {
    'locket-record-list': LocketRecordList;
  }
}

export { LocketRecordList };
