import type { Clock } from '../../core/clock';
import type { ChangeBus } from '../../core/store/change-bus';
import type { LocketStore } from '../../core/store/contract';
import type { RecordId } from '../../core/records/types';
import type { SearchHit, SearchOptions } from '../../worker/api';

/**
 * Everything a surface needs from the platform, injected by its entrypoint so that every
 * element can be mounted anywhere (and driven by tests) without reaching for globals.
 */
export interface LocketServices {
  readonly store: LocketStore;
  readonly search: (query: string, options?: SearchOptions) => Promise<SearchHit[]>;
  readonly changes: Pick<ChangeBus, 'subscribe'>;
  readonly clock: Clock;
  /** Opens the side panel, showing `recordId` when given. Needs a user gesture. */
  readonly openSidePanel: (recordId?: RecordId) => Promise<void>;
  /** Record ids other surfaces asked the side panel to show; returns an unsubscribe function. */
  readonly onOpenRequest: (listener: (recordId: RecordId) => void) => () => void;
}
