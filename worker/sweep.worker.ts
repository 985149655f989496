import * as Comlink from 'comlink';
import * as v from 'valibot';
import { systemClock } from '../core/clock';
import { createBroadcastBus } from '../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/db/db-name';
import type { StorageEstimate } from '../core/snapshots/headroom';
import type { SweepWorkerApi } from './sweep-api';
import { webLockPort } from './sweep/ports';
import { createSweepRunner } from './sweep/runner';

/** The browser's estimate of this profile's storage; null where it cannot tell. */
const storageEstimate = async (): Promise<StorageEstimate | null> => {
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
};

/** What crosses from the host: checked here, since a page or the offscreen document may be wrong. */
const SweepRequestSchema = v.strictObject({
  trigger: v.picklist(['page', 'alarm', 'manual']),
  accountKey: v.nullable(v.pipe(v.instance(Uint8Array), v.length(32, 'The account key must be 32 bytes.'))),
});

const api: SweepWorkerApi = {
  sweep: async (request) => {
    const { trigger, accountKey } = v.parse(SweepRequestSchema, request);
    // A bus per sweep: pages hear which records went, and nothing stays open afterwards.
    const bus = createBroadcastBus();
    try {
      const runner = createSweepRunner({
        factory: indexedDB, name: LOCKET_DB_NAME, clock: systemClock, lock: webLockPort(navigator.locks, trigger === 'manual'), bus,
        storageEstimate,
      });
      return await runner.sweep({ trigger, accountKey: accountKey && new Uint8Array(accountKey) });
    } finally {
      bus.close();
    }
  },
};

Comlink.expose(api);
