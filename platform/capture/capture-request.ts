import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  CAPTURE_ACTIVE_TAB_MESSAGE, CaptureOutcomeSchema, type CaptureActiveTabRequest, type CaptureOutcome,
} from './capture-messages';

/**
 * The popup's "Capture this page": asks the background to capture the tab the popup was
 * opened over, which opening the popup granted activeTab on. The message leaves before
 * anything is awaited, so it is sent even if the popup closes straight after the click.
 */
export const requestCaptureOfActiveTab = async (): Promise<CaptureOutcome> => {
  const request: CaptureActiveTabRequest = { type: CAPTURE_ACTIVE_TAB_MESSAGE };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch {
    // The background was restarting or refused to listen: the user can simply try again.
    reply = undefined;
  }
  const parsed = v.safeParse(CaptureOutcomeSchema, reply);
  return parsed.success ? parsed.output : { ok: false, reason: 'Locket did not answer the capture request. Please try again.' };
};
