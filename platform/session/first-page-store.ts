import { browser } from 'wxt/browser';
import { openFirstPage, sealFirstPage, type FirstPage } from '../../core/first-page/first-page';
import type { Bytes } from '../../core/vault/types';
import { FIRST_PAGE_KEY, readSessionKeys } from './session';

/**
 * The side panel's first rows in storage.session (memory only, like the session's key, and
 * removed when the session locks): read before the account's database is open, so a panel
 * opened while unlocked draws them without waiting for IndexedDB.
 */
export const rememberFirstPage = async (accountKey: Bytes, page: FirstPage): Promise<void> =>
  browser.storage.session.set({ [FIRST_PAGE_KEY]: await sealFirstPage(accountKey, page) });

/** Rows some page listed since: a page that changed a person forgets them until the list is read again. */
export const forgetFirstPage = (): Promise<void> => browser.storage.session.remove(FIRST_PAGE_KEY);

/** The remembered rows, when the session is unlocked and they open under its key; else null. */
export const recallFirstPage = async (): Promise<FirstPage | null> => {
  const [keys, stored] = await Promise.all([readSessionKeys(), browser.storage.session.get(FIRST_PAGE_KEY)]);
  return keys ? openFirstPage(keys.accountKey, stored[FIRST_PAGE_KEY]) : null;
};
