import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { CAPTURE_TAB_MESSAGE, CaptureOutcomeSchema, type CaptureOutcome, type CaptureTabRequest } from './capture-messages';

/**
 * The popup's "Capture this page": asks the background to capture the active tab of the
 * popup's window, which opening the popup granted activeTab on.
 */
export const requestCaptureOfActiveTab = async (): Promise<CaptureOutcome> => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { ok: false, reason: 'There is no page to capture in this window.' };
  const request: CaptureTabRequest = { type: CAPTURE_TAB_MESSAGE, tabId: tab.id };
  const parsed = v.safeParse(CaptureOutcomeSchema, await browser.runtime.sendMessage(request));
  return parsed.success ? parsed.output : { ok: false, reason: 'Locket did not answer the capture request.' };
};
