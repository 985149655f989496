import type { StoreChange } from '../../core/db/change-bus';
import type { Bytes } from '../../core/vault/types';
import { forgetFirstScreens, rememberFirstScreen, type FirstScreens, type ScreenView } from '../session/first-screen-store';

/** Set once a screen is sealed and stored (test/bench/page-timing.ts waits for it before closing a panel). */
export const SCREEN_KEPT_MARK = 'locket:screen-kept';

/** A view drawing again soon after (a burst of changes, a list scrolled back up) writes once. */
const WRITE_AFTER_MS = 300;

/** The screens a change may have made wrong: each follows what its live view re-reads on. */
export const screensChangedBy = (change: StoreChange): ScreenView[] => [
  ...(change.kinds.includes('person') ? ['people' as const] : []),
  // A task row shows its record's title, whatever the record's kind.
  ...(change.kinds.some((kind) => kind !== 'note' && kind !== 'activity') ? ['tasks' as const] : []),
  ...(change.settings || change.kinds.includes('opportunity') ? ['board' as const] : []),
];

export interface FirstScreenKeeper {
  /** Keeps `view`'s first screen, built by `screen` a little later, off the drawing's path (the last asked for wins). */
  readonly remember: <V extends ScreenView>(view: V, screen: () => FirstScreens[V]) => void;
  /** Drops what a change made wrong, and any write of it still waiting. */
  readonly forget: (change: StoreChange) => void;
  readonly close: () => void;
}

/**
 * The side panel's first screens for one account key. Invariant: a screen remembered before a
 * change that forgot it is never written after it (a write waiting or sealing is dropped).
 */
export const createFirstScreenKeeper = (accountKey: Bytes): FirstScreenKeeper => {
  const waiting = new Map<ScreenView, ReturnType<typeof setTimeout>>();
  const generation = new Map<ScreenView, number>();
  const current = (view: ScreenView) => generation.get(view) ?? 0;
  return {
    remember: (view, screen) => {
      clearTimeout(waiting.get(view));
      const asked = current(view);
      waiting.set(view, setTimeout(() => {
        waiting.delete(view);
        try {
          void rememberFirstScreen(view, accountKey, screen(), () => current(view) === asked)
            // Read by the bench: a side panel it opens stays open until its screen is kept, as a user's does.
            .then(() => performance.mark(SCREEN_KEPT_MARK), () => undefined);
        } catch {
          // Only a head start for the next side panel: nothing is kept.
        }
      }, WRITE_AFTER_MS));
    },
    forget: (change) => {
      const views = screensChangedBy(change);
      if (views.length === 0) return;
      for (const view of views) {
        clearTimeout(waiting.get(view));
        waiting.delete(view);
        generation.set(view, current(view) + 1);
      }
      forgetFirstScreens(views).catch(() => undefined);
    },
    close: () => { for (const timer of waiting.values()) clearTimeout(timer); waiting.clear(); },
  };
};
