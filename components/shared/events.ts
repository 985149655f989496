import type { LocketRecord, RecordId } from '../../core/records/types';

/** Typed custom events the elements send up; every one bubbles and crosses shadow roots. */
export interface LocketEventMap {
  'locket-open': CustomEvent<{ readonly id: RecordId }>;
  'locket-saved': CustomEvent<{ readonly record: LocketRecord }>;
  'locket-cancel': CustomEvent<void>;
  'locket-deleted': CustomEvent<{ readonly id: RecordId }>;
  /** The owner created the account; the gate stores their name and email once the store is open. */
  'locket-account-created': CustomEvent<{ readonly name: string; readonly email: string }>;
}

export const locketEvent = <N extends keyof LocketEventMap>(
  name: N,
  detail: LocketEventMap[N]['detail'],
): LocketEventMap[N] => new CustomEvent(name, { detail, bubbles: true, composed: true }) as LocketEventMap[N];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends LocketEventMap {}
}
