import { browser } from 'wxt/browser';
import { openFirstPage, sealFirstPage, type FirstPage } from '../../core/first-page/first-page';
import type { FirstTasks } from '../../core/first-page/first-tasks';
import type { FirstBoard } from '../../core/first-page/first-board';
import type { Bytes } from '../../core/vault/types';
import { idleExpired } from '../../core/security/auto-lock';
import { FIRST_SCREEN_KEYS, readLastActivity, readLockPolicy, readSessionKeys } from './session';

/** The views a side panel opens on, each with a first screen of its own. */
export type ScreenView = keyof typeof FIRST_SCREEN_KEYS;
export interface FirstScreens { readonly people: FirstPage; readonly tasks: FirstTasks; readonly board: FirstBoard }

const SEALS: { readonly [V in ScreenView]: {
  readonly seal: (accountKey: Bytes, screen: FirstScreens[V]) => Promise<unknown>;
  readonly open: (accountKey: Bytes, stored: unknown) => Promise<FirstScreens[V] | null>;
} } = {
  people: { seal: sealFirstPage, open: openFirstPage },
  // Tasks' and the board's shapes load with the view that keeps them, or the panel opened on it.
  tasks: {
    seal: async (accountKey, screen) => (await import('../../core/first-page/first-tasks')).sealFirstTasks(accountKey, screen),
    open: async (accountKey, stored) => (await import('../../core/first-page/first-tasks')).openFirstTasks(accountKey, stored),
  },
  board: {
    seal: async (accountKey, screen) => (await import('../../core/first-page/first-board')).sealFirstBoard(accountKey, screen),
    open: async (accountKey, stored) => (await import('../../core/first-page/first-board')).openFirstBoard(accountKey, stored),
  },
};

/**
 * The side panel's first screens in storage.session (memory only, like the session's key, and
 * removed when the session locks): read before the account's database is open, so a panel
 * opened while unlocked draws one without waiting for IndexedDB.
 */
export const rememberFirstScreen = async <V extends ScreenView>(
  view: V, accountKey: Bytes, screen: FirstScreens[V],
  /** Asked once it is sealed: false when a change forgot the screen meanwhile, and nothing is written. */
  stillWanted: () => boolean = () => true,
): Promise<void> => {
  const sealed = await SEALS[view].seal(accountKey, screen);
  if (stillWanted()) await browser.storage.session.set({ [FIRST_SCREEN_KEYS[view]]: sealed });
};

/** What a page changed since: a remembered screen is forgotten until its view draws again. */
export const forgetFirstScreens = (views: readonly ScreenView[]): Promise<void> =>
  browser.storage.session.remove(views.map((view) => FIRST_SCREEN_KEYS[view]));

/**
 * The remembered screen, when the session is unlocked, has not been idle past its auto-lock time
 * at `now` (the gate is about to lock it), and it opens under its key; else null.
 */
export const recallFirstScreen = async <V extends ScreenView>(view: V, now: number): Promise<FirstScreens[V] | null> => {
  const key = FIRST_SCREEN_KEYS[view];
  const [keys, policy, lastActivity, stored] = await Promise.all([
    readSessionKeys(), readLockPolicy(), readLastActivity(), browser.storage.session.get(key),
  ]);
  if (!keys || (lastActivity !== null && idleExpired(policy, lastActivity, now))) return null;
  return SEALS[view].open(keys.accountKey, stored[key]);
};
