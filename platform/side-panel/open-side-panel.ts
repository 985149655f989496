import { browser } from 'wxt/browser';

/** The part of Firefox's sidebarAction that Locket uses; Chromium's typings do not describe it. */
interface SidebarAction {
  readonly open: () => Promise<void>;
}

/**
 * Opens Locket's panel beside the page: Chromium's side panel in `windowId`, or Firefox's
 * sidebar (the same sidepanel.html, declared as sidebar_action), which opens in the current
 * window. Both refuse unless called within a user gesture, before its first await.
 */
export const openSidePanel = (windowId: number): Promise<void> => {
  if (import.meta.env.FIREFOX) {
    return (browser as unknown as { readonly sidebarAction: SidebarAction }).sidebarAction.open();
  }
  return browser.sidePanel.open({ windowId });
};
