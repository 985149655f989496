/**
 * The popup's "Capture this page" and the background's answer: a row of the message table
 * (platform/messages/table.ts), which checks both on arrival and lets only Locket's pages send it.
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
