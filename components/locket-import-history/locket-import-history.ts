import type { UndoImportReport } from '../../core/imports/import-batch-types';
import { LocketImportHistory } from './locket-import-history.component';

customElements.define('locket-import-history', LocketImportHistory);

declare global {
  interface HTMLElementTagNameMap {
    'locket-import-history': LocketImportHistory;
  }
  interface HTMLElementEventMap {
    /** An import was undone from the recent-imports list. */
    'locket-import-undone': CustomEvent<{ readonly batchId: string; readonly report: UndoImportReport }>;
  }
}

export { LocketImportHistory };
