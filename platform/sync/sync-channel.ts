/**
 * What the context that runs sync tells the others, and what they ask of it, over one
 * BroadcastChannel. Everything received is validated; anything else on the channel is dropped.
 *
 *   status            the runner's engine status, on every change and when asked
 *   ask               a follower that just started wants the status now
 *   identity-changed  an account was created, joined or forgotten: the runner re-reads it
 *   sync-now / synced a follower's "Sync now", run by the runner and answered by id
 *   two-factor        a follower's security key proof (the key answered in its page, where the
 *                     user pressed the button); the runner opens its session with it and answers
 *                     with `synced` by id
 *   token / token-is  a follower borrows the runner's session token for the account's and the
 *                     team's calls: under the team's two-factor rule only that session was
 *                     verified by a key. `token-is` carries null when the runner has no engine
 */
import * as v from 'valibot';
import type { Result } from '../../core/result';
import type { SyncProblem } from '../../core/sync/ports';
import type { EngineStatus } from '../../core/sync/engine/status';
import { TwoFactorProofSchema } from '../../core/sync/protocol';

export const SYNC_CHANNEL = 'locket-sync';
export const SYNC_LOCK = 'locket-sync';

const ProblemSchema = v.union([
  v.strictObject({ type: v.literal('relay-refused'), code: v.pipe(v.string(), v.maxLength(64)) }),
  v.strictObject({ type: v.literal('slowed'), retryAt: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.strictObject({
    type: v.picklist([
      'insecure-address', 'bad-address', 'permission-denied', 'relay-unreachable', 'relay-went-back', 'version', 'removed', 'locked',
      'bad-pairing-code', 'pairing-expired', 'pairing-declined', 'already-connected', 'not-connected', 'this-device',
      'two-factor-required', 'two-factor-not-registered',
    ]),
  }),
]);

const EngineStatusSchema = v.strictObject({
  state: v.picklist(['off', 'connecting', 'connected', 'offline', 'removed']),
  lastSyncedAt: v.nullable(v.number()),
  waiting: v.pipe(v.number(), v.integer(), v.minValue(0)),
  problem: v.nullable(ProblemSchema),
});

const RequestId = v.pipe(v.string(), v.maxLength(64));

export const SyncMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('status'), status: EngineStatusSchema }),
  v.strictObject({ type: v.literal('ask') }),
  v.strictObject({ type: v.literal('identity-changed') }),
  v.strictObject({ type: v.literal('sync-now'), id: RequestId }),
  v.strictObject({ type: v.literal('two-factor'), id: RequestId, proof: TwoFactorProofSchema }),
  v.strictObject({ type: v.literal('token'), id: RequestId }),
  v.strictObject({
    type: v.literal('token-is'), id: RequestId,
    result: v.nullable(v.union([
      v.strictObject({ ok: v.literal(true), value: v.pipe(v.string(), v.maxLength(128)) }),
      v.strictObject({ ok: v.literal(false), error: ProblemSchema }),
    ])),
  }),
  v.strictObject({
    type: v.literal('synced'), id: RequestId,
    result: v.union([v.strictObject({ ok: v.literal(true) }), v.strictObject({ ok: v.literal(false), error: ProblemSchema })]),
  }),
]);
export type SyncMessage = v.InferOutput<typeof SyncMessageSchema>;

/** The part of BroadcastChannel used here, so tests can pass a channel of their own. */
export interface ChannelLike {
  postMessage: (message: unknown) => void;
  addEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void;
  removeEventListener: (type: 'message', listener: (event: { data: unknown }) => void) => void;
  close: () => void;
}

export interface SyncChannel {
  readonly post: (message: SyncMessage) => void;
  /** Returns an unsubscribe function. */
  readonly listen: (listener: (message: SyncMessage) => void) => () => void;
  readonly close: () => void;
}

export const createSyncChannel = (channel: ChannelLike = new BroadcastChannel(SYNC_CHANNEL)): SyncChannel => ({
  post: (message) => channel.postMessage(message),
  listen: (listener) => {
    const onMessage = (event: { data: unknown }): void => {
      const message = v.safeParse(SyncMessageSchema, event.data);
      if (message.success) listener(message.output);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  },
  close: () => channel.close(),
});

export const toWire = (result: Result<void, SyncProblem>): Extract<SyncMessage, { type: 'synced' }>['result'] =>
  (result.ok ? { ok: true } : { ok: false, error: result.error });

export const fromWire = (result: Extract<SyncMessage, { type: 'synced' }>['result']): Result<void, SyncProblem> =>
  (result.ok ? { ok: true, value: undefined } : { ok: false, error: result.error });

export type { EngineStatus };
