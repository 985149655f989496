/**
 * One context syncs at a time. Every unlocked worker asks for the `locket-sync` Web Lock; the one
 * holding it runs the engine for the stored identity and broadcasts its status, the others follow
 * that status, hand "Sync now" and a security key's proof to it, and borrow its session token.
 * The lock goes with the context: a page that locks or closes ends its worker, the browser
 * releases the lock, and the next worker in line takes over.
 */
import type { Result } from '../../core/result';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { createStatusHolder, OFF_STATUS, type EngineStatus } from '../../core/sync/engine/status';
import type { SyncProblem } from '../../core/sync/ports';
import type { TwoFactorProof } from '../../core/sync/protocol';
import { fromWire, SYNC_LOCK, toWire, type SyncChannel, type SyncMessage } from './sync-channel';

/** How long a follower waits for the runner's answer to what it handed over (a full round over a slow link). */
const FORWARDED_SYNC_TIMEOUT_MS = 120_000;
/** How long a follower waits for the runner's token (a session opened over a slow link) before opening its own. */
const BORROWED_TOKEN_TIMEOUT_MS = 15_000;

export interface LockRequester {
  request: (name: string, options: { signal?: AbortSignal }, run: () => Promise<void>) => Promise<unknown>;
}

export interface SyncRunnerDeps {
  readonly locks: LockRequester;
  readonly channel: SyncChannel;
  /** The engine for the stored identity (not started), or null when this device has none. */
  readonly createEngine: () => Promise<SyncEngine | null>;
  readonly newRequestId: () => string;
}

export interface SyncRunner {
  readonly status: () => EngineStatus;
  readonly watch: (listener: (status: EngineStatus) => void) => () => void;
  readonly syncNow: () => Promise<Result<void, SyncProblem>>;
  /** Resumes sync held by the relay's two-factor rule with a proof this device's key gave, here or in the runner. */
  readonly resumeWithProof: (proof: TwoFactorProof) => Promise<Result<void, SyncProblem>>;
  /** This context created, joined or forgot the identity: the runner (here or elsewhere) re-reads it. */
  readonly identityChanged: () => Promise<void>;
  /**
   * The running engine's session token, lent by whichever context runs it; null when none did in
   * time or it runs no engine (the caller then opens a session of its own).
   */
  readonly borrowToken: () => Promise<Result<string, SyncProblem> | null>;
  /** The engine, when this context is the one running sync. */
  readonly engine: () => SyncEngine | null;
  readonly holdsLock: () => boolean;
  /** Stops the engine (socket closed) and gives up the lock or the place in line. */
  readonly close: () => Promise<void>;
}

export const startSyncRunner = (deps: SyncRunnerDeps): SyncRunner => {
  const { channel } = deps;
  const status = createStatusHolder();
  const waiting = new Map<string, (result: Result<void, SyncProblem>) => void>();
  const lending = new Map<string, (result: Result<string, SyncProblem> | null) => void>();
  const abort = new AbortController();
  let holding = false;
  let engine: SyncEngine | null = null;
  let stopWatching: (() => void) | null = null;
  let release: (() => void) | null = null;
  let refreshing: Promise<void> = Promise.resolve();
  let closed = false;

  const publish = (next: EngineStatus): void => {
    status.update(next);
    channel.post({ type: 'status', status: status.get() });
  };

  const stopEngine = async (): Promise<void> => {
    stopWatching?.();
    stopWatching = null;
    const running = engine;
    engine = null;
    await running?.stop();
  };

  // Serialised: two identity changes in a row must not start two engines.
  const refresh = (): Promise<void> => (refreshing = refreshing.then(async () => {
    await stopEngine();
    if (closed || !holding) return;
    const next = await deps.createEngine();
    if (closed || !holding) return;
    engine = next;
    if (!next) return publish(OFF_STATUS);
    stopWatching = next.watch(publish);
    next.start();
    publish(next.status());
  }).catch(() => publish(OFF_STATUS)));

  const notConnected: Promise<Result<void, SyncProblem>> = Promise.resolve({ ok: false, error: { type: 'not-connected' } });
  const syncHere = (): Promise<Result<void, SyncProblem>> => (engine ? engine.syncNow() : notConnected);
  const resumeHere = (proof: TwoFactorProof): Promise<Result<void, SyncProblem>> => (engine ? engine.resumeWithProof(proof) : notConnected);
  const answer = (id: string) => (result: Result<void, SyncProblem>): void => channel.post({ type: 'synced', id, result: toWire(result) });

  const lendToken = async (): Promise<Result<string, SyncProblem> | null> => (engine ? engine.token() : null);

  /** A follower's request, run by the runner and answered by id; no answer in time reads as an unreachable relay. */
  const handOver = (send: (id: string) => SyncMessage): Promise<Result<void, SyncProblem>> => {
    const id = deps.newRequestId();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ ok: false, error: { type: 'relay-unreachable' } });
      }, FORWARDED_SYNC_TIMEOUT_MS);
      waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      channel.post(send(id));
    });
  };

  const onMessage = (message: SyncMessage): void => {
    switch (message.type) {
      case 'status':
        if (!holding) status.update(message.status);
        return;
      case 'ask':
        if (holding) channel.post({ type: 'status', status: status.get() });
        return;
      case 'identity-changed':
        if (holding) void refresh();
        return;
      case 'sync-now':
        if (holding) void syncHere().then(answer(message.id));
        return;
      case 'two-factor':
        if (holding) void resumeHere(message.proof).then(answer(message.id));
        return;
      case 'synced':
        waiting.get(message.id)?.(fromWire(message.result));
        waiting.delete(message.id);
        return;
      case 'token':
        if (holding) void lendToken().then((result) => channel.post({ type: 'token-is', id: message.id, result }));
        return;
      case 'token-is':
        lending.get(message.id)?.(message.result);
        lending.delete(message.id);
        return;
    }
  };
  const stopListening = channel.listen(onMessage);
  channel.post({ type: 'ask' });

  const held = deps.locks.request(SYNC_LOCK, { signal: abort.signal }, async () => {
    if (closed) return;
    holding = true;
    const released = new Promise<void>((resolve) => { release = resolve; });
    await refresh();
    await released;
  }).catch(() => undefined);

  return {
    status: status.get,
    watch: status.watch,
    syncNow: () => (holding ? syncHere() : handOver((id) => ({ type: 'sync-now', id }))),
    borrowToken: () => {
      if (holding) return lendToken();
      const id = deps.newRequestId();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          lending.delete(id);
          resolve(null);
        }, BORROWED_TOKEN_TIMEOUT_MS);
        lending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        channel.post({ type: 'token', id });
      });
    },
    resumeWithProof: (proof) => (holding ? resumeHere(proof) : handOver((id) => ({ type: 'two-factor', id, proof }))),
    identityChanged: async () => {
      channel.post({ type: 'identity-changed' });
      if (holding) await refresh();
    },
    engine: () => engine,
    holdsLock: () => holding,
    close: async () => {
      if (closed) return;
      closed = true;
      abort.abort();
      await refresh();
      await stopEngine();
      if (holding) channel.post({ type: 'status', status: OFF_STATUS });
      holding = false;
      release?.();
      stopListening();
      await held;
    },
  };
};
