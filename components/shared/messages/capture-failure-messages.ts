import type { CaptureFailureReason } from '../../../platform/capture/capture-messages';

/** The words for why a capture failed; a code without words fails to compile. */
export const CAPTURE_FAILURE_MESSAGES: {
  readonly [T in CaptureFailureReason['type']]: (reason: Extract<CaptureFailureReason, { type: T }>) => string
} = {
  'page-out-of-reach': () => 'Locket cannot read this page: the browser keeps extensions out of it, or it was not opened by your click.',
  'unreadable': ({ detail }) => `Locket could not read this page (${detail}).`,
  'too-slow': ({ seconds }) =>
    `Locket gave up reading this page after ${seconds} seconds, so nothing was captured. The page may still be loading or busy; try again in a moment.`,
  'unintelligible': () => 'Locket could not make sense of what this page holds, so nothing was captured.',
  'no-page': ({ inWindow }) => (inWindow ? 'There is no page to capture in this window.' : 'There is no page to capture here.'),
  'no-answer': () => 'Locket did not answer the capture request. Please try again.',
};

export const captureFailureText = (reason: CaptureFailureReason): string =>
  (CAPTURE_FAILURE_MESSAGES[reason.type] as (reason: CaptureFailureReason) => string)(reason);
