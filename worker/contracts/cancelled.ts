/** The one answer of a job the owner stopped: a result, not an error, since nothing went wrong. */
export interface Cancelled { readonly type: 'cancelled' }

export const CANCELLED: Cancelled = { type: 'cancelled' };

export const isCancelled = (value: unknown): value is Cancelled =>
  typeof value === 'object' && value !== null && 'type' in value && value.type === 'cancelled';
