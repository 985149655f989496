import type { RecordKind } from '../records/types';

/** What a purge removed for good. */
export interface PurgeReport {
  readonly purged: Readonly<Partial<Record<RecordKind, number>>>;
  /** Change sets removed whole because every change in them was about purged records. */
  readonly changeSetsDeleted: number;
  /** Change sets rewritten without the purged records' values (needs the key). */
  readonly changeSetsRewritten: number;
}
