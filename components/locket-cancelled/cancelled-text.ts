import type { CancellationStatus } from '../../core/account/account-cancellation';

/** "1 day left", "14 days left". */
export const daysLeftText = (days: number): string => `${days} ${days === 1 ? 'day' : 'days'} left`;

/**
 * What the cancelled screen says about the deadline. `formatDate` is injected so the words
 * follow the browser's locale on the page and stay fixed in tests.
 */
export const deletionText = (status: CancellationStatus, formatDate: (at: number) => string): string =>
  status.expired
    ? `The 14 days to restore it have passed. Locket deletes it, with everything it held, at its next clean-up.`
    : `It will be deleted for good on ${formatDate(status.deletionDueAt)} (${daysLeftText(status.daysLeft)}).`;
