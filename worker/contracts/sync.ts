/**
 * Sync, as the options page drives it: status, "Sync now", connecting to a relay, leaving it,
 * removing a device and pairing. The sync loop itself runs in whichever worker holds the sync lock
 * (platform/sync/sync-runner.ts); these calls work from any page's worker.
 */
import * as v from 'valibot';
import type { Result } from '../../core/result';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { SecurityKeyRequest, TwoFactorProblem } from '../../core/sync/engine/two-factor-session';
import type { CeremonyRefusal } from '../../core/security/webauthn-failures';
import type { PairingOffer, PairingStep, SyncProblem, SyncStatusView } from '../../core/sync/ports';
import { DeviceIdSchema } from '../../core/sync/protocol';
import type { RelayRestoreProblem } from '../../core/sync-account/relay-restore';
import { callback, method, progress, returns, returnsNothing } from './method';

export type SyncOutcome = Result<void, SyncProblem>;

const RelayUrlSchema = v.pipe(v.string(), v.maxLength(2048));
const DeviceNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Name this device.'), v.maxLength(100));
const PairingCodeSchema = v.pipe(v.string(), v.maxLength(512));
/** The printed recovery key as typed; core/team/recovery-key.ts says which words count. */
const RecoveryWordsSchema = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(64));
/** Pairing's progress reaches the page as a proxied callback; it counts as activity, so auto-lock waits for it. */
const PairingStepsSchema = progress(v.custom<(step: PairingStep) => void>((input) => typeof input === 'function', 'Steps must be a function.'));

/** One security key prompt the worker asks the page for: WebAuthn runs only on a visible page. */
export interface SecurityKeyPrompt {
  readonly ceremony: 'register' | 'assert';
  readonly request: SecurityKeyRequest;
  /** Who the key is registered for: this device's id (as the WebAuthn user handle) and name. */
  readonly user: { readonly id: string; readonly name: string };
}
/** The page's answer: the browser's WebAuthn response (the relay checks it), or why the prompt stopped. */
export type SecurityKeyPrompter = (prompt: SecurityKeyPrompt) => Promise<Result<RegistrationResponseJSON | AuthenticationResponseJSON, CeremonyRefusal>>;
const PrompterSchema = callback(v.custom<SecurityKeyPrompter>((input) => typeof input === 'function', 'The prompt must be a function.'));

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
  /**
   * A fresh install's vault fills from the relay: the printed recovery key enrols this device for
   * the owner, then the first sync pulls every record (core/sync-account/relay-restore.ts).
   */
  restoreFromRelay: method({ args: [RelayUrlSchema, RecoveryWordsSchema, DeviceNameSchema], result: returns<Result<void, RelayRestoreProblem>>() }),
  /** Answers the relay's two-factor rule with the member's security key (registering one first if needed); sync resumes. */
  confirmTwoFactor: method({ args: [PrompterSchema], result: returns<Result<void, TwoFactorProblem>>() }),
};
