import * as Comlink from 'comlink';
import { systemClock } from '../core/clock';
import { createBroadcastBus } from '../core/db/broadcast-bus';
import { LOCKET_DB_NAME } from '../core/db/db-name';
import type { StorageEstimate } from '../core/snapshots/headroom';
import { hostContract } from './host';
import { sweepContract, type SweepImplementation } from './sweep-contract';
import { webLockPort } from './sweep/ports';
import { createSweepRunner } from './sweep/runner';

/** The browser's estimate of this profile's storage; null where it cannot tell. */
const storageEstimate = async (): Promise<StorageEstimate | null> => {
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
};

// The request arrives checked against sweepContract (host.ts).
const implementation: SweepImplementation = {
  sweep: async ({ trigger, accountKey }) => {
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

Comlink.expose(hostContract(sweepContract, { immediate: implementation, ready: Promise.resolve({}) }));
