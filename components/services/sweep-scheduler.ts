import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { toBase64 } from '../../core/vault/bytes';
import type { SweepReport } from '../../worker/sweep-contract';
import { OffscreenSweepReplySchema, SWEEP_MESSAGE, type OffscreenSweepRequest } from './offscreen-messages';
import { forgetLocalAccountState, readSessionKeys } from './session';

export const SWEEP_ALARM = 'locket:sweep';
/** Four sweeps a day: "at least daily" holds even when the browser runs only a few hours. */
export const SWEEP_PERIOD_MINUTES = 360;

const OFFSCREEN_PATH = '/offscreen.html';
const OFFSCREEN_JUSTIFICATION = 'Runs the scheduled retention sweep (trash purge, account deletion, snapshots) in a Web Worker.';
/** Chromium's message when the offscreen page has not registered its listener yet. */
const NO_RECEIVER = /Receiving end does not exist/;
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
const deliver = async (request: OffscreenSweepRequest): Promise<unknown> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(request);
    } catch (error) {
      if (attempt >= DELIVERY_ATTEMPTS || !(error instanceof Error) || !NO_RECEIVER.test(error.message)) throw error;
      await pause(DELIVERY_RETRY_MS);
    }
  }
};

/**
 * One sweep through the offscreen document. The account key goes along only while the
 * session is unlocked; a locked sweep does everything that needs no key.
 */
export const runOffscreenSweep = async (): Promise<SweepReport | null> => {
  const keys = await readSessionKeys();
  const request: OffscreenSweepRequest = { type: SWEEP_MESSAGE, trigger: 'alarm', accountKey: keys && toBase64(keys.accountKey) };
  await openOffscreen();
  try {
    const reply = v.parse(OffscreenSweepReplySchema, await deliver(request));
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
      .then((report) => { if (report?.error) console.warn(`Locket sweep stopped early: ${report.error}`); })
      .catch((error: unknown) => console.warn('Locket sweep did not run:', error))
      .finally(() => { running = null; });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) sweep();
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
};
