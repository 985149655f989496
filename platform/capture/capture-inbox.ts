import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  parseCaptureDraft, parsePendingCapture, type CaptureDraft, type PendingCapture,
} from '../../core/quick-capture/pending';
import { CaptureFailureReasonSchema, type CaptureFailureReason } from './capture-messages';

/**
 * Where captures wait for the side panel: storage.session, which lives in memory only, is
 * shared by the extension's pages and background, and is out of reach of content scripts.
 * One capture waits at a time; a new gesture replaces it. It stays until saved or
 * dismissed, whatever happens to the panel or the lock in between.
 */
const PENDING_KEY = 'locket:capture';
const DRAFT_KEY = 'locket:capture-draft';
const FAILURE_KEY = 'locket:capture-failure';

export interface CaptureFailure {
  readonly at: number;
  readonly reason: CaptureFailureReason;
}

const FailureSchema = v.strictObject({ at: v.number(), reason: CaptureFailureReasonSchema });

export interface CaptureInboxState {
  readonly pending: PendingCapture | null;
  readonly failure: CaptureFailure | null;
}

/** A new capture takes the place of the one waiting, its draft and any failure. */
export const writePendingCapture = async (pending: PendingCapture): Promise<void> => {
  await Promise.all([browser.storage.session.remove([DRAFT_KEY, FAILURE_KEY]), browser.storage.session.set({ [PENDING_KEY]: pending })]);
};

export const writeCaptureFailure = (failure: CaptureFailure): Promise<void> =>
  browser.storage.session.set({ [FAILURE_KEY]: failure });

const readState = (items: Record<string, unknown>): CaptureInboxState => {
  const failure = v.safeParse(FailureSchema, items[FAILURE_KEY]);
  return { pending: parsePendingCapture(items[PENDING_KEY]), failure: failure.success ? failure.output : null };
};

/** Calls `listener` with the inbox now and after every change to it; returns an unsubscribe function. */
export const watchCaptureInbox = (listener: (state: CaptureInboxState) => void): (() => void) => {
  let stopped = false;
  const deliver = async () => {
    const items = await browser.storage.session.get([PENDING_KEY, FAILURE_KEY]);
    if (!stopped) listener(readState(items));
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && (PENDING_KEY in changes || FAILURE_KEY in changes)) void deliver();
  };
  browser.storage.onChanged.addListener(onChanged);
  void deliver();
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
  };
};

export const readCaptureDraft = async (captureId: string): Promise<CaptureDraft | null> =>
  parseCaptureDraft((await browser.storage.session.get(DRAFT_KEY))[DRAFT_KEY], captureId);

export const writeCaptureDraft = (draft: CaptureDraft): Promise<void> => browser.storage.session.set({ [DRAFT_KEY]: draft });

/** Drops the capture and its draft, unless a newer capture has taken its place meanwhile. */
export const dismissCapture = async (captureId: string): Promise<void> => {
  const current = parsePendingCapture((await browser.storage.session.get(PENDING_KEY))[PENDING_KEY]);
  if (current === null || current.id === captureId) await browser.storage.session.remove([PENDING_KEY, DRAFT_KEY]);
};

export const dismissCaptureFailure = (): Promise<void> => browser.storage.session.remove(FAILURE_KEY);
