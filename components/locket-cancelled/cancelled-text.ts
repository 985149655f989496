import type { CancellationStatus } from '../../core/account/account-cancellation';
import { SURFACE_WORDS } from '../shared/messages/surface-words';

/** "1 day left", "14 days left". */
export const daysLeftText = (days: number): string => SURFACE_WORDS.daysLeft(days);

/**
 * What the cancelled screen says about the deadline. `formatDate` is injected so the words
 * follow the page's language and stay fixed in tests.
 */
export const deletionText = (status: CancellationStatus, formatDate: (at: number) => string): string =>
  (status.expired ? SURFACE_WORDS.expired : SURFACE_WORDS.deletedOn(formatDate(status.deletionDueAt), daysLeftText(status.daysLeft)));
