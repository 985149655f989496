import { browser } from 'wxt/browser';
import { toBase64 } from '../../core/vault/bytes';
import type { SweepReport } from '../../worker/sweep-contract';
import type { Result } from '../../core/result';
import type { SendFailure } from '../messages/client';
import { sendMessage } from '../messages/runtime';
import { OFFSCREEN_PATH } from '../messages/senders';
import type { RequestOf } from '../messages/table';
import { SWEEP_MESSAGE, type OffscreenSweepReply } from './offscreen-messages';
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

/**
 * One sweep through the offscreen document. The account key goes along only while the
 * session is unlocked; a locked sweep does everything that needs no key.
 */
export const runOffscreenSweep = async (): Promise<SweepReport | null> => {
  const keys = await readSessionKeys();
  await openOffscreen();
  try {
    const sent = await deliver({ trigger: 'alarm', accountKey: keys && toBase64(keys.accountKey) });
    if (!sent.ok) throw new Error(describeFailure(sent.error));
    const reply = sent.value;
    if (!reply.ok) throw new Error(reply.reason);
    if (reply.report?.accountDeleted) await forgetLocalAccountState();
    return reply.report;
  } finally {
    await closeOffscreen().catch(() => undefined);
  }
};

/**
 * The background's part of retention: alarm 'locket:sweep' every six hours, each run in an
 * offscreen document (a service worker cannot start a Web Worker). Runs never overlap here,
 * and the sweep's own lock keeps them apart from pages' sweeps.
 */
export const startSweeps = (): void => {
  let running: Promise<void> | null = null;
  const sweep = (): void => {
    running ??= runOffscreenSweep()
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
