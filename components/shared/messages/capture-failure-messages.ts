import type { CaptureFailureReason } from '../../../platform/capture/capture-messages';
import { catalogue } from '../i18n/catalogue';

type FailureTexts = { readonly [T in CaptureFailureReason['type']]: (reason: Extract<CaptureFailureReason, { type: T }>) => string };

/** The words for why a capture failed; a code without words fails to compile. */
export const CAPTURE_FAILURE_MESSAGES = catalogue<FailureTexts>({
  en: {
    'page-out-of-reach': () => 'Locket cannot read this page: the browser keeps extensions out of it, or it was not opened by your click.',
    'unreadable': ({ detail }) => `Locket could not read this page (${detail}).`,
    'too-slow': ({ seconds }) =>
      `Locket gave up reading this page after ${seconds} seconds, so nothing was captured. The page may still be loading or busy; try again in a moment.`,
    'unintelligible': () => 'Locket could not make sense of what this page holds, so nothing was captured.',
    'no-page': ({ inWindow }) => (inWindow ? 'There is no page to capture in this window.' : 'There is no page to capture here.'),
    'no-answer': () => 'Locket did not answer the capture request. Please try again.',
  },
  de: {
    'page-out-of-reach': () => 'Locket kann diese Seite nicht lesen: Der Browser hält Erweiterungen von ihr fern, oder sie wurde nicht durch Ihren Klick geöffnet.',
    'unreadable': ({ detail }) => `Locket konnte diese Seite nicht lesen (${detail}).`,
    'too-slow': ({ seconds }) =>
      `Locket hat das Lesen dieser Seite nach ${seconds} Sekunden aufgegeben, daher wurde nichts erfasst. Die Seite lädt vielleicht noch oder ist beschäftigt; versuchen Sie es gleich noch einmal.`,
    'unintelligible': () => 'Locket konnte mit dem Inhalt dieser Seite nichts anfangen, daher wurde nichts erfasst.',
    'no-page': ({ inWindow }) => (inWindow ? 'In diesem Fenster gibt es keine Seite zum Erfassen.' : 'Hier gibt es keine Seite zum Erfassen.'),
    'no-answer': () => 'Locket hat auf die Erfassungsanfrage nicht geantwortet. Bitte versuchen Sie es erneut.',
  },
});

export const captureFailureText = (reason: CaptureFailureReason): string =>
  (CAPTURE_FAILURE_MESSAGES[reason.type] as (reason: CaptureFailureReason) => string)(reason);
