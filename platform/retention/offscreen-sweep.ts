import { fromBase64 } from '../../core/vault/bytes';
import { connectSweepWorker } from '../../worker/sweep-client';
import type { OffscreenSweepReply, OffscreenSweepRequest } from './offscreen-messages';

const MAX_REASON = 1000;

/**
 * The offscreen document's answer to the background's sweep request: one sweep in a worker of
 * its own (a service worker cannot start one), ended with the sweep, and its report.
 */
export const sweepInOffscreenWorker = async ({ trigger, accountKey }: OffscreenSweepRequest): Promise<OffscreenSweepReply> => {
  const connection = connectSweepWorker();
  try {
    const report = await connection.api.sweep({ trigger, accountKey: accountKey === null ? null : fromBase64(accountKey) });
    return { ok: true, report };
  } catch (error) {
    return { ok: false, reason: (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON) };
  } finally {
    connection.terminate();
  }
};
