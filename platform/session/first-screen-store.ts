import { browser } from 'wxt/browser';
import { openFirstPage, sealFirstPage, type FirstPage } from '../../core/first-page/first-page';
import { openFirstTasks, sealFirstTasks, type FirstTasks } from '../../core/first-page/first-tasks';
import { openFirstBoard, sealFirstBoard, type FirstBoard } from '../../core/first-page/first-board';
import type { Bytes } from '../../core/vault/types';
import { idleExpired } from '../../core/security/auto-lock';
import { LOCALE_PREFERENCE_KEY, localePreferenceOf, type LocalePreference } from '../locale/locale-preference';
import { FIRST_SCREEN_KEYS, readLockPolicyWith, readSessionWith } from './session';

/** The views a side panel opens on, each with a first screen of its own. */
export type ScreenView = keyof typeof FIRST_SCREEN_KEYS;
export interface FirstScreens { readonly people: FirstPage; readonly tasks: FirstTasks; readonly board: FirstBoard }

const SEALS: { readonly [V in ScreenView]: {
  readonly seal: (accountKey: Bytes, screen: FirstScreens[V]) => Promise<unknown>;
  readonly open: (accountKey: Bytes, stored: unknown) => Promise<FirstScreens[V] | null>;
} } = {
  // Every shape is in the page's first chunk: the early paint draws each view's, and a
  // dynamic import of one there was one more hop before the first paint.
  people: { seal: sealFirstPage, open: openFirstPage },
  tasks: { seal: sealFirstTasks, open: openFirstTasks },
  board: { seal: sealFirstBoard, open: openFirstBoard },
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

export interface Recalled<V extends ScreenView> {
  /** Null when locked, idle past the auto-lock time, nothing is remembered, or it does not open. */
  readonly screen: FirstScreens[V] | null;
  /** The owner's language: the screen is drawn in it. */
  readonly locale: LocalePreference;
}

/**
 * The remembered screen, when the session is unlocked, has not been idle past its auto-lock time
 * at `now` (the gate is about to lock it), and it opens under its key; with the owner's language.
 * A page's first paint waits on this: one read of each storage area (each read is a round trip
 * to the browser, answered one after another), and the screen is opened while the lock policy
 * is still on its way; nothing opened is handed out before the policy allows it.
 */
export const recallFirstScreen = async <V extends ScreenView>(view: V, now: number): Promise<Recalled<V>> => {
  const session = readSessionWith(FIRST_SCREEN_KEYS[view]);
  const local = readLockPolicyWith(LOCALE_PREFERENCE_KEY);
  const opening = session.then(({ keys, value }) => (keys ? SEALS[view].open(keys.accountKey, value) : null));
  const [{ keys, lastActivity }, { policy, value: locale }, screen] = await Promise.all([session, local, opening]);
  const allowed = keys !== null && (lastActivity === null || !idleExpired(policy, lastActivity, now));
  return { screen: allowed ? screen : null, locale: localePreferenceOf(locale) };
};
