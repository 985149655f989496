/**
 * Sync, as the options page drives it: status, "Sync now", connecting to a relay, leaving it,
 * removing a device and pairing. The sync loop itself runs in whichever worker holds the sync lock
 * (platform/sync/sync-runner.ts); these calls work from any page's worker.
 */
import * as v from 'valibot';
import type { Result } from '../../core/result';
import type { PairingOffer, PairingStep, SyncProblem, SyncStatusView } from '../../core/sync/ports';
import { DeviceIdSchema } from '../../core/sync/protocol';
import { method, progress, returns, returnsNothing } from './method';

export type SyncOutcome = Result<void, SyncProblem>;

const RelayUrlSchema = v.pipe(v.string(), v.maxLength(2048));
const DeviceNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Name this device.'), v.maxLength(100));
const PairingCodeSchema = v.pipe(v.string(), v.maxLength(512));
/** Pairing's progress reaches the page as a proxied callback; it counts as activity, so auto-lock waits for it. */
const PairingStepsSchema = progress(v.custom<(step: PairingStep) => void>((input) => typeof input === 'function', 'Steps must be a function.'));

export const syncContract = {
  /** What the Sync section shows: state, relay, last sync, waiting changes, devices, problem. */
  syncStatus: method({ args: [], result: returns<SyncStatusView>() }),
  syncNow: method({ args: [], result: returns<SyncOutcome>() }),
  /** This device becomes the first of a new account on the relay, and starts syncing. */
  connectSync: method({ args: [RelayUrlSchema, DeviceNameSchema], result: returns<SyncOutcome>() }),
  /** Stops syncing and forgets the sync identity; every record stays. */
  disconnectSync: method({ args: [], result: returnsNothing() }),
  removeSyncDevice: method({ args: [DeviceIdSchema], result: returns<SyncOutcome>() }),
  offerPairing: method({ args: [PairingStepsSchema], result: returns<Result<PairingOffer, SyncProblem>>() }),
  joinWithCode: method({ args: [RelayUrlSchema, PairingCodeSchema, DeviceNameSchema, PairingStepsSchema], result: returns<SyncOutcome>() }),
  confirmPairing: method({ args: [v.boolean()], result: returnsNothing() }),
};
