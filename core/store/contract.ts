import type { AuditStore } from '../audit/contract';
import type { BulkStore } from '../bulk/bulk-types';
import type { ErasureStore } from '../erasure/contract';
import type { ImportStore } from '../imports/import-batch-types';
import type { MergeStore } from '../merge/contract';
import type { RecordReads, RecordWrites } from '../record-store/contract';
import type { SettingsStore } from '../settings/contract';
import type { TrashStore } from '../trash/contract';
import type { ApplyTrack } from '../tracks/apply-track';
import type { StartNextTrackStep } from '../tracks/start-next-step';

/**
 * One account's store: every capability over one open database, composed here and nowhere
 * else (store.ts builds it). A part of the app that needs only one capability asks for that
 * interface, not this one.
 */
export interface LocketStore
  extends RecordWrites, RecordReads, TrashStore, SettingsStore, ErasureStore, AuditStore, ImportStore, MergeStore, BulkStore {
  /** Makes every step's task of a track for a case or opportunity, in one transaction with its audit entry. */
  readonly applyTrack: ApplyTrack;
  /** Once a track's task is done, makes the track's next step's task if it is missing, with its audit entry. */
  readonly startNextTrackStep: StartNextTrackStep;
  /** Closes the database; the change bus belongs to whoever opened the store. */
  readonly close: () => void;
}
