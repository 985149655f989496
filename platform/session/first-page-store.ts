import { browser } from 'wxt/browser';
import { openFirstPage, sealFirstPage, type FirstPage } from '../../core/first-page/first-page';
import type { Bytes } from '../../core/vault/types';
import { idleExpired } from '../../core/security/auto-lock';
import { FIRST_PAGE_KEY, readLastActivity, readLockPolicy, readSessionKeys } from './session';

/**
 * The side panel's first rows in storage.session (memory only, like the session's key, and
 * removed when the session locks): read before the account's database is open, so a panel
 * opened while unlocked draws them without waiting for IndexedDB.
 */
export const rememberFirstPage = async (accountKey: Bytes, page: FirstPage): Promise<void> =>
  browser.storage.session.set({ [FIRST_PAGE_KEY]: await sealFirstPage(accountKey, page) });

/** Rows some page listed since: a page that changed a person forgets them until the list is read again. */
export const forgetFirstPage = (): Promise<void> => browser.storage.session.remove(FIRST_PAGE_KEY);

/**
 * The remembered rows, when the session is unlocked, has not been idle past its auto-lock time
 * at `now` (the gate is about to lock it), and they open under its key; else null.
 */
export const recallFirstPage = async (now: number): Promise<FirstPage | null> => {
  const [keys, policy, lastActivity, stored] = await Promise.all([
    readSessionKeys(), readLockPolicy(), readLastActivity(), browser.storage.session.get(FIRST_PAGE_KEY),
  ]);
  if (!keys || (lastActivity !== null && idleExpired(policy, lastActivity, now))) return null;
  return openFirstPage(keys.accountKey, stored[FIRST_PAGE_KEY]);
};
