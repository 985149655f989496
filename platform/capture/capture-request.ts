import { sendMessage } from '../messages/runtime';
import { CAPTURE_ACTIVE_TAB_MESSAGE, type CaptureOutcome } from './capture-messages';

/**
 * The popup's "Capture this page": asks the background to capture the tab the popup was
 * opened over, which opening the popup granted activeTab on. The message leaves before
 * anything is awaited, so it is sent even if the popup closes straight after the click.
 */
export const requestCaptureOfActiveTab = async (): Promise<CaptureOutcome> => {
  const sent = await sendMessage(CAPTURE_ACTIVE_TAB_MESSAGE, {});
  // Not delivered, refused or garbled: the background was restarting, and the user can simply try again.
  return sent.ok ? sent.value : { ok: false, reason: { type: 'no-answer' } };
};
