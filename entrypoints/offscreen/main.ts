import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { fromBase64 } from '@/core/vault/bytes';
import { connectSweepWorker } from '@/worker/sweep-client';
import {
  OffscreenSweepRequestSchema, isFromThisExtension, type OffscreenSweepReply, type OffscreenSweepRequest,
} from '@/platform/retention/offscreen-messages';

/** Opened by the background only to host the sweep worker: it runs one sweep per request and answers with the report. */
const sweep = async ({ trigger, accountKey }: OffscreenSweepRequest): Promise<OffscreenSweepReply> => {
  const connection = connectSweepWorker();
  try {
    const report = await connection.api.sweep({ trigger, accountKey: accountKey === null ? null : fromBase64(accountKey) });
    return { ok: true, report };
  } catch (error) {
    return { ok: false, reason: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
  } finally {
    connection.terminate();
  }
};

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: OffscreenSweepReply) => void) => {
  if (!v.is(OffscreenSweepRequestSchema, message)) return undefined;
  if (!isFromThisExtension(sender, browser.runtime.id, extensionOrigin)) {
    sendResponse({ ok: false, reason: 'Only Locket itself can start a sweep.' });
    return undefined;
  }
  void sweep(message).then(sendResponse);
  return true;
});
