import { browser } from 'wxt/browser';

/**
 * The address of the tab the popup was opened over. Opening the toolbar popup grants
 * activeTab on that tab, which is what lets the browser tell its address without any host
 * permission; elsewhere (the popup opened as a tab of its own) the address is Locket's own
 * page or absent, and '' is returned.
 */
export const activeTabAddress = async (): Promise<string> => {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ?? '';
  } catch {
    return '';
  }
};
