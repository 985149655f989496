import type { RecordId, RecordKind } from '../records/types';

/** Announced after a transaction commits, so every open surface can refresh. */
export interface StoreChange {
  readonly ids: readonly RecordId[];
  readonly kinds: readonly RecordKind[];
  readonly settings: boolean;
  /** The ids were purged for good: nothing of them can be read back, and no list showed them. */
  readonly purged?: boolean;
}

/** Injected into the store; BroadcastChannel in every extension context and in Node. */
export interface ChangeBus {
  readonly publish: (change: StoreChange) => void;
  /** Returns an unsubscribe function. Messages are validated before `listener` sees them. */
  readonly subscribe: (listener: (change: StoreChange) => void) => () => void;
  readonly close: () => void;
}
