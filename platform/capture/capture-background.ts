import { browser } from 'wxt/browser';
import { systemClock } from '../../core/clock';
import { writeCaptureFailure, writePendingCapture } from './capture-inbox';
import type { MessageHandlers } from '../messages/router';
import { CAPTURE_ACTIVE_TAB_MESSAGE, type CaptureOutcome } from './capture-messages';
import { createCaptureRunner, type CaptureRunner } from './capture-runner';
import { openSidePanel } from '../side-panel/open-side-panel';

/** Ids the manifest and the menu share; `commands` in wxt.config.ts names the same command. */
export const CAPTURE_MENU_ID = 'locket-capture';
export const CAPTURE_COMMAND = 'capture-page';
const CAPTURE_SCRIPT = '/capture.js';

const createRunner = (): CaptureRunner => createCaptureRunner({
  inject: (tabId) => browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] }),
  openSidePanel,
  savePending: writePendingCapture,
  saveFailure: (reason, at) => writeCaptureFailure({ reason, at }),
  newId: () => crypto.randomUUID(),
  clock: systemClock,
  startTimer: (ms, onDone) => {
    const timer = setTimeout(onDone, ms);
    return () => { clearTimeout(timer); };
  },
  log: (message) => console.warn(`Locket capture: ${message}`),
});

/** The tab the popup was opened over: the active tab of the window the user last focused. */
const captureActiveTab = async (runner: CaptureRunner): Promise<CaptureOutcome> => {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id === undefined ? { ok: false, reason: { type: 'no-page', inWindow: true } } : runner.captureTab(tab.id);
};

const addMenu = (): void => {
  // Menus outlive the service worker; they are made once per install or update.
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: CAPTURE_MENU_ID, title: 'Capture with Locket', contexts: ['page', 'selection', 'link'] });
  });
};

/**
 * Quick capture's gestures: the context menu (page, selection, link), the keyboard command,
 * and the popup's button. Each of the first two grants activeTab on the tab it happened in;
 * the popup's opening granted it for its window's active tab. Nothing is injected otherwise.
 * Returns the popup button's row of the message table, for the background to serve.
 */
export const startQuickCapture = (): MessageHandlers<typeof CAPTURE_ACTIVE_TAB_MESSAGE> => {
  const runner = createRunner();
  browser.runtime.onInstalled.addListener(addMenu);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CAPTURE_MENU_ID) return;
    void runner.fromGesture({ tabId: tab?.id, windowId: tab?.windowId, linkUrl: info.linkUrl });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CAPTURE_COMMAND) return;
    void runner.fromGesture({ tabId: tab?.id, windowId: tab?.windowId });
  });

  return { [CAPTURE_ACTIVE_TAB_MESSAGE]: () => captureActiveTab(runner) };
};
