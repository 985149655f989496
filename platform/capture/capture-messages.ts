/**
 * The one contract between an extension page (the popup's "Capture this page") and the
 * background's capture. Pages send CaptureActiveTabRequest; the background answers CaptureOutcome.
 * Both ends validate what arrives.
 */
import * as v from 'valibot';

export const CAPTURE_ACTIVE_TAB_MESSAGE = 'locket:capture-active-tab';

/**
 * "Capture the page in front of the user": the active tab of the last focused window, the
 * one the popup was opened over. It names no tab, because the popup must send it at once,
 * inside its click (the popup closes when the side panel takes the focus).
 */
export const CaptureActiveTabRequestSchema = v.strictObject({ type: v.literal(CAPTURE_ACTIVE_TAB_MESSAGE) });
export type CaptureActiveTabRequest = v.InferOutput<typeof CaptureActiveTabRequestSchema>;

export const CaptureOutcomeSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), reason: v.pipe(v.string(), v.maxLength(500)) }),
]);
export type CaptureOutcome = v.InferOutput<typeof CaptureOutcomeSchema>;

/** What the sender of a runtime message says about itself (chrome.runtime.MessageSender, trimmed). */
export interface MessageSenderFacts {
  readonly id?: string;
  readonly origin?: string;
  readonly url?: string;
}

/**
 * Only Locket's own pages may ask for a capture. A content script's message carries the
 * web page's origin, and web pages cannot message at all (no externally_connectable).
 */
export const isOwnExtensionPage = (sender: MessageSenderFacts, extensionId: string, extensionOrigin: string): boolean => {
  if (sender.id !== extensionId) return false;
  if (sender.origin !== undefined) return sender.origin === extensionOrigin;
  return sender.url !== undefined && sender.url.startsWith(`${extensionOrigin}/`);
};
