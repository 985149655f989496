/**
 * The background's half of quick capture, with the browser injected so tests can drive it:
 * runs the extractor in the tab the user gestured on, treats its result as a claim to
 * validate, and leaves the validated capture for the side panel.
 */
import type { Clock } from '../../core/clock';
import { parseCaptureClaim } from '../../core/quick-capture/claim';
import { fitCapture, type PendingCapture } from '../../core/quick-capture/pending';
import type { CaptureFailureReason, CaptureOutcome } from './capture-messages';

/** One frame's answer from chrome.scripting.executeScript. */
export interface InjectionAnswer {
  readonly frameId: number;
  readonly result?: unknown;
}

export interface CaptureRunnerDeps {
  /** Injects the capture script into the tab's top frame; rejects without activeTab on it. */
  readonly inject: (tabId: number) => Promise<readonly InjectionAnswer[]>;
  /** Must be called while the gesture lasts, i.e. before anything is awaited. */
  readonly openSidePanel: (windowId: number) => Promise<void>;
  readonly savePending: (pending: PendingCapture) => Promise<void>;
  readonly saveFailure: (reason: CaptureFailureReason, at: number) => Promise<void>;
  readonly newId: () => string;
  readonly clock: Clock;
  /** Calls onDone after ms unless the returned stop function is called first (setTimeout in the background). */
  readonly startTimer: (ms: number, onDone: () => void) => () => void;
  readonly log: (message: string) => void;
}

/** Where the user captured from: the tab, its window, and the link under the pointer if any. */
export interface GestureTarget {
  readonly tabId?: number;
  readonly windowId?: number;
  readonly linkUrl?: unknown;
}

export interface CaptureRunner {
  /** A context-menu click or the keyboard command: opens the side panel at once, then captures. */
  readonly fromGesture: (target: GestureTarget) => Promise<CaptureOutcome>;
  /** The popup's button: the popup opened the side panel itself, within its own click. */
  readonly captureTab: (tabId: number) => Promise<CaptureOutcome>;
}

const TOP_FRAME = 0;
/**
 * How long a page may take to answer. The extractor's node budget bounds its own work, but a
 * page that is busy, frozen or still loading can hold the injected script back indefinitely.
 */
export const CAPTURE_TIMEOUT_MS = 10_000;
const TOO_SLOW: CaptureFailureReason = { type: 'too-slow', seconds: CAPTURE_TIMEOUT_MS / 1000 };
const MAX_LINK = 4_096;

/** A link the browser reports is still page content: kept only when it is a short web, mail or phone address. */
const usableLink = (value: unknown): string =>
  typeof value === 'string' && value.length <= MAX_LINK && /^(?:https?:|mailto:|tel:)/i.test(value) ? value : '';

const reasonOf = (error: unknown): CaptureFailureReason => {
  const message = error instanceof Error ? error.message : String(error);
  return /cannot access|cannot be scripted|permission|chrome:\/\/|extensions gallery/i.test(message)
    ? { type: 'page-out-of-reach' }
    : { type: 'unreadable', detail: message.slice(0, 200) };
};

export const createCaptureRunner = (deps: CaptureRunnerDeps): CaptureRunner => {
  const fail = async (reason: CaptureFailureReason): Promise<CaptureOutcome> => {
    await deps.saveFailure(reason, deps.clock.now());
    return { ok: false, reason };
  };

  /** The page's answers, or null once the time is up; an answer arriving later is dropped. */
  const injectInTime = (tabId: number): Promise<readonly InjectionAnswer[] | null> => new Promise((resolve, reject) => {
    const stop = deps.startTimer(CAPTURE_TIMEOUT_MS, () => resolve(null));
    deps.inject(tabId).then(
      (answers) => { stop(); resolve(answers); },
      (error: unknown) => { stop(); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });

  const capture = async (tabId: number, linkUrl: string): Promise<CaptureOutcome> => {
    const requestedAt = deps.clock.now();
    let answers: readonly InjectionAnswer[] | null;
    try {
      answers = await injectInTime(tabId);
    } catch (error) {
      return fail(reasonOf(error));
    }
    if (answers === null) return fail(TOO_SLOW);
    // Only the top frame was targeted; an answer claiming another frame is not ours.
    const answer = answers.find((item) => item.frameId === TOP_FRAME);
    const claim = parseCaptureClaim(answer?.result);
    if (!claim.ok) {
      deps.log(claim.error);
      return fail({ type: 'unintelligible' });
    }
    await deps.savePending({ id: deps.newId(), requestedAt, capture: fitCapture(claim.value), linkUrl });
    return { ok: true };
  };

  return {
    fromGesture: (target) => {
      // The gesture is spent by the first await: the panel opens before anything else happens.
      if (target.windowId !== undefined) {
        deps.openSidePanel(target.windowId).catch((error: unknown) => deps.log(`side panel did not open: ${String(error)}`));
      }
      if (target.tabId === undefined) return fail({ type: 'no-page', inWindow: false });
      return capture(target.tabId, usableLink(target.linkUrl));
    },
    captureTab: (tabId) => capture(tabId, ''),
  };
};
