import { browser } from 'wxt/browser';
import { toBase64 } from '../../core/vault/bytes';
import type { SweepReport } from '../../worker/sweep-contract';
import type { Result } from '../../core/result';
import type { SendFailure } from '../messages/client';
import { sendMessage } from '../messages/runtime';
import { OFFSCREEN_PATH } from '../messages/senders';
import type { RequestOf } from '../messages/table';
import { SWEEP_MESSAGE, type OffscreenSweepReply } from './offscreen-messages';
import { sweepInOffscreenWorker } from './offscreen-sweep';
import { forgetLocalAccountState, readSessionKeys } from '../session/session';

export const SWEEP_ALARM = 'locket:sweep';
/** Four sweeps a day: "at least daily" holds even when the browser runs only a few hours. */
export const SWEEP_PERIOD_MINUTES = 360;

const OFFSCREEN_JUSTIFICATION = 'Runs the scheduled retention sweep (trash purge, account deletion, snapshots) in a Web Worker.';
const DELIVERY_ATTEMPTS = 5;
const DELIVERY_RETRY_MS = 200;

const ensureAlarm = async (): Promise<void> => {
  if (!(await browser.alarms.get(SWEEP_ALARM))) await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES });
};

const offscreenOpen = async (): Promise<boolean> => {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
};

/** An extension has at most one offscreen document: one left open (or opened by a racing call) is reused. */
const openOffscreen = async (): Promise<void> => {
  if (await offscreenOpen()) return;
  try {
    await browser.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS'], justification: OFFSCREEN_JUSTIFICATION });
  } catch (error) {
    if (!(await offscreenOpen())) throw error;
  }
};

const closeOffscreen = async (): Promise<void> => {
  if (await offscreenOpen()) await browser.offscreen.closeDocument();
};

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the request, waiting briefly for a document that is still starting to listen. */
const deliver = async (request: RequestOf<typeof SWEEP_MESSAGE>): Promise<Result<OffscreenSweepReply, SendFailure>> => {
  for (let attempt = 1; ; attempt++) {
    const sent = await sendMessage(SWEEP_MESSAGE, request);
    if (sent.ok || sent.error.type !== 'no-receiver' || attempt >= DELIVERY_ATTEMPTS) return sent;
    await pause(DELIVERY_RETRY_MS);
  }
};

const describeFailure = (failure: SendFailure): string =>
  failure.type === 'not-delivered' ? failure.detail : `the offscreen document did not answer (${failure.type})`;

/** One sweep in an offscreen document, opened for it and closed after it. */
const sweepInOffscreenDocument = async (request: RequestOf<typeof SWEEP_MESSAGE>): Promise<OffscreenSweepReply> => {
  await openOffscreen();
  try {
    const sent = await deliver(request);
    if (!sent.ok) throw new Error(describeFailure(sent.error));
    return sent.value;
  } finally {
    await closeOffscreen().catch(() => undefined);
  }
};

/**
 * Where the sweep's worker starts: Firefox's background is an event page, a document that can
 * start it itself (Firefox has no offscreen documents); Chromium's service worker cannot.
 */
const sweepInAWorker = import.meta.env.FIREFOX
  ? (request: RequestOf<typeof SWEEP_MESSAGE>) => sweepInOffscreenWorker({ type: SWEEP_MESSAGE, ...request })
  : sweepInOffscreenDocument;

/**
 * One sweep. The account key goes along only while the session is unlocked; a locked sweep
 * does everything that needs no key.
 */
const runSweep = async (): Promise<SweepReport | null> => {
  const keys = await readSessionKeys();
  const reply = await sweepInAWorker({ trigger: 'alarm', accountKey: keys && toBase64(keys.accountKey) });
  if (!reply.ok) throw new Error(reply.reason);
  if (reply.report?.accountDeleted) await forgetLocalAccountState();
  return reply.report;
};

/**
 * The background's part of retention: alarm 'locket:sweep' every six hours, each run in a
 * worker (in Chromium through an offscreen document: a service worker cannot start one).
 * Runs never overlap here, and the sweep's own lock keeps them apart from pages' sweeps.
 */
export const startSweeps = (): void => {
  let running: Promise<void> | null = null;
  const sweep = (): void => {
    running ??= runSweep()
      .then((report) => { if (report?.error) console.warn(`Locket sweep stopped early: ${report.error.type === 'storage-full' ? 'storage-full' : report.error.message}`); })
      .catch((error: unknown) => console.warn('Locket sweep did not run:', error))
      .finally(() => { running = null; });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) sweep();
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
};
