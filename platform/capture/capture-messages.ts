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

/** Why a capture failed, as a code; the words live in components/shared/messages/capture-failure-messages.ts. */
export const CaptureFailureReasonSchema = v.variant('type', [
  /** The browser keeps extensions out of the page, or it was not opened by the owner's click. */
  v.strictObject({ type: v.literal('page-out-of-reach') }),
  /** Any other refusal to inject, with the browser's own (cut) message. */
  v.strictObject({ type: v.literal('unreadable'), detail: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('too-slow'), seconds: v.number() }),
  /** The page answered with something that is not a capture. */
  v.strictObject({ type: v.literal('unintelligible') }),
  /** A gesture on no tab; `inWindow`: the popup's window has no active tab. */
  v.strictObject({ type: v.literal('no-page'), inWindow: v.boolean() }),
  /** The background did not answer the popup (it was restarting). */
  v.strictObject({ type: v.literal('no-answer') }),
]);
export type CaptureFailureReason = v.InferOutput<typeof CaptureFailureReasonSchema>;

export const CaptureOutcomeSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), reason: CaptureFailureReasonSchema }),
]);
export type CaptureOutcome = v.InferOutput<typeof CaptureOutcomeSchema>;
