import type { RecordId } from '../records/types';
import type { EraseOptions, ErasureReceipt } from './erase';

export interface ErasureStore {
  /** Erases a person, their notes, their links and their values in the change log; leaves an audit receipt (erase.ts). */
  readonly erase: (personId: RecordId, options: EraseOptions) => Promise<ErasureReceipt>;
}
