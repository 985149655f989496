import { browser } from 'wxt/browser';

/**
 * The account's state outside IndexedDB: session.ts keeps the lock policy and the failed-unlock
 * count in storage.local (these names must match its keys), and the unlocked session, captures
 * and open requests in storage.session.
 */
const LOCAL_ACCOUNT_KEYS = ['locket:lock-policy', 'locket:unlock-throttle'];

/**
 * Forgets everything the deleted account left beside its database, so the next start is a
 * first run. Called by whichever context sees a sweep report with `accountDeleted`: the
 * sweep worker itself has no `browser.*`.
 */
export const forgetLocalAccountState = async (): Promise<void> => {
  await Promise.all([browser.storage.local.remove(LOCAL_ACCOUNT_KEYS), browser.storage.session.clear()]);
};
