/**
 * The sync loop, free of any platform: it keeps one device in step with the relay while it runs.
 *
 *   connect  session → poke socket (hello first) → a round
 *   round    regression check → push the outbox → pull to the head; rounds never overlap, and a
 *            request during one runs one more after it
 *   triggers a poke above the cursor, a local change (debounced), syncNow, a `members` poke (the
 *            team's log moved: read again before the next push, so a rotated key seals it), and a periodic round
 *            while connected (pokes can be lost: a missed one costs one period, and a device
 *            removed elsewhere hears the relay refuse it within one period)
 *   failure  socket closed, the relay unreachable or refusing: offline, then a reconnect after a
 *            full-jitter backoff (1 s → 60 s, Retry-After as a floor); `removed` and other final
 *            refusals stop it until the user acts
 *   limits   a `rate_limited` refusal (429 or socket frame): a reconnect after exactly the relay's
 *            wait; the round then carries on from the last acknowledged set, so nothing is lost.
 *            Only a wait of SLOWED_NOTICE_MS or more shows, as the `slowed` problem with its end
 *
 * Every loop is bounded; every wait is a timer the engine clears on stop.
 */
import type { Result } from '../../result';
import type { SyncCursor, SyncProblem } from '../ports';
import type { TwoFactorProof } from '../protocol';
import { backoffDelay, rateLimitDelay, SLOWED_NOTICE_MS } from './backoff';
import type { SyncEngine, SyncEngineDeps } from './engine-contract';
import { openPokeSocket } from './poke-socket';
import { wentBack } from './regression';
import { runRound } from './round';
import { asFailure, isFinalProblem, isRateLimited, SyncFailure } from './relay-problem';
import { createRelaySession } from './relay-session';
import { createSnapshotUploader } from './snapshot-upload';
import { createStatusHolder } from './status';
import { createTimerSlot, systemTimers } from './timers';

export type { SyncEngine, SyncEngineDeps } from './engine-contract';
export type { Timers } from './timers';

/** Local writes come in bursts (an import, a merge): one push for the burst. */
export const LOCAL_CHANGE_DEBOUNCE_MS = 200;
/** While connected, a round this long after the last one, whatever the socket said. */
export const PERIODIC_ROUND_MS = 45_000;
const MAX_ROUNDS_IN_A_ROW = 10;


const ok: Result<void, SyncProblem> = { ok: true, value: undefined };
const refused = (problem: SyncProblem): Result<never, SyncProblem> => ({ ok: false, error: problem });

export const createSyncEngine = (deps: SyncEngineDeps): SyncEngine => {
  const { transport, replica, crypto, team, clock, random } = deps;
  const timers = deps.timers ?? systemTimers;
  const status = createStatusHolder();
  const session = createRelaySession({ transport, crypto, team, clock });
  let running = false;
  /** Bumped by every connect and by stop: callbacks of an older connection change nothing. */
  let generation = 0;
  let halted: SyncProblem | null = null;
  let socket: { close: () => void } | null = null;
  let cursor: SyncCursor | null = null;
  let attempt = 0;
  const retry = createTimerSlot(timers);
  const debounce = createTimerSlot(timers);
  const periodic = createTimerSlot(timers);
  let rejected = 0;
  let requests = 0;
  let round: Promise<Result<void, SyncProblem>> | null = null;
  let roundGeneration = 0;
  let again = false;
  let connecting: Promise<Result<void, SyncProblem>> | null = null;
  let unsubscribe: (() => void) | null = null;

  /** Set by every connect: the relay may have come back from an older copy while this device was away. */
  let checkHeld = false;
  /** Set by a `members` poke: the next round reads the team's log (and its newest key) before it pushes. */
  let membersMoved = false;

  const readMembersIfMoved = async (): Promise<void> => {
    if (!membersMoved || !deps.refreshSigners) return;
    membersMoved = false;
    try {
      await deps.refreshSigners((await session.current()).token);
    } catch (error) {
      membersMoved = true;
      throw error;
    }
  };

  /** What runs after a round must never fail it: whatever it could not do, it does after the next. */
  const afterRound = async (): Promise<void> => {
    if (!deps.afterRound) return;
    try {
      await deps.afterRound((await session.current()).token);
    } catch {
      // Left for the next round.
    }
  };
  const { uploadSnapshots } = deps;
  const uploader = uploadSnapshots && createSnapshotUploader({
    replica, crypto, session, clock, cursor: () => cursor,
    active: async () => running && !halted && (await uploadSnapshots()),
  });

  const oneRound = async (): Promise<void> => {
    await readMembersIfMoved();
    await runRound({
      replica, crypto, session, team, checkHeld,
      cursor: { get: () => cursor, set: (next) => { cursor = next; } },
      nextRequestId: () => `r${(requests += 1)}`,
      onRejected: () => { rejected += 1; },
      ...(deps.refreshSigners ? { refreshSigners: deps.refreshSigners } : {}),
      ...(deps.admits ? { admits: deps.admits } : {}),
      ...(deps.settleRelayEnded ? { settleRelayEnded: deps.settleRelayEnded } : {}),
    });
    checkHeld = false;
    await afterRound();
  };

  /** What a caller is told: a fair-use refusal becomes `slowed`, with the time of the next try. */
  const problemOf = (failure: SyncFailure): SyncProblem =>
    (isRateLimited(failure) ? { type: 'slowed', retryAt: clock.now() + rateLimitDelay(failure.retryAfterMs) } : failure.problem);

  const closeSocket = (): void => {
    socket?.close();
    socket = null;
  };

  const fail = (failure: SyncFailure, gen: number): void => {
    if (gen !== generation || !running) return;
    generation += 1;
    closeSocket();
    periodic.cancel();
    const { problem } = failure;
    if (isFinalProblem(problem)) {
      halted = problem;
      status.update({ state: problem.type === 'removed' ? 'removed' : 'offline', problem });
      return;
    }
    if (isRateLimited(failure)) {
      const wait = rateLimitDelay(failure.retryAfterMs);
      // A short wait is part of syncing; a long one is news, with when it ends.
      status.update(wait >= SLOWED_NOTICE_MS ? { state: 'offline', problem: problemOf(failure) } : { state: 'connecting', problem: null });
      retry.arm(() => { void connect(); }, wait);
      return;
    }
    status.update({ state: 'offline', problem });
    const delay = backoffDelay(attempt, random, failure.retryAfterMs);
    attempt += 1;
    retry.arm(() => { void connect(); }, delay);
  };

  /** The next round comes at the latest one period after this one, for as long as this connection lasts. */
  const armPeriodic = (gen: number): void => {
    periodic.arm(() => {
      if (gen === generation && running && !halted) void runRounds();
    }, PERIODIC_ROUND_MS);
  };

  const runRounds = (): Promise<Result<void, SyncProblem>> => {
    // A round of an older connection ends on its own; this connection's round runs after it.
    if (round && roundGeneration !== generation) return round.then(runRounds);
    if (round) {
      again = true;
      return round;
    }
    const gen = (roundGeneration = generation);
    round = (async () => {
      try {
        let rounds = 0;
        do {
          again = false;
          await oneRound();
          rounds += 1;
        } while (again && rounds < MAX_ROUNDS_IN_A_ROW && gen === generation);
        if (gen !== generation) return ok;
        attempt = 0;
        armPeriodic(gen);
        status.update({ state: 'connected', problem: null, lastSyncedAt: clock.now(), waiting: await replica.pendingCount() });
        // Beside the rounds, never in them: the next push does not wait for an upload.
        void uploader?.maybeUpload();
        return ok;
      } catch (error) {
        const failure = asFailure(error);
        fail(failure, gen);
        return refused(problemOf(failure));
      } finally {
        round = null;
      }
    })();
    return round;
  };

  const connect = (): Promise<Result<void, SyncProblem>> => {
    if (connecting) return connecting;
    retry.cancel();
    periodic.cancel();
    const gen = (generation += 1);
    status.update({ state: 'connecting' });
    connecting = (async () => {
      try {
        cursor = await replica.cursor();
        checkHeld = true;
        status.update({ waiting: await replica.pendingCount() });
        const opened = await session.current();
        if (gen !== generation) return ok;
        socket = openPokeSocket(transport, opened.token, {
          onHead: (head, relayInstance) => {
            if (gen !== generation) return;
            // A head below the cursor is a relay that went back: the round finds out and re-bootstraps.
            if (wentBack(cursor, relayInstance ?? cursor?.relayInstance ?? '', head) || head > (cursor?.seq ?? 0)) void runRounds();
          },
          onMembers: () => {
            if (gen !== generation) return;
            membersMoved = true;
            void runRounds();
          },
          onEnd: (failure) => {
            if (failure?.problem.type === 'relay-refused' && failure.problem.code === 'unauthorized') session.drop();
            fail(failure ?? new SyncFailure({ type: 'relay-unreachable' }), gen);
          },
        });
      } catch (error) {
        const failure = asFailure(error);
        fail(failure, gen);
        return refused(problemOf(failure));
      } finally {
        connecting = null;
      }
      return runRounds();
    })();
    return connecting;
  };

  const onLocalChange = (): void => {
    debounce.arm(() => {
      if (!running || halted) return;
      if (status.get().state === 'connected') void runRounds();
      else void replica.pendingCount().then((waiting) => { if (running) status.update({ waiting }); }, () => undefined);
    }, LOCAL_CHANGE_DEBOUNCE_MS);
  };

  const resumeWithProof = async (proof: TwoFactorProof): Promise<Result<void, SyncProblem>> => {
    if (!running) return refused({ type: 'not-connected' });
    const opened = await session.openWithProof(proof);
    if (!opened.ok) return opened;
    // The session just opened is the one connect() uses; what halted the engine is answered.
    halted = null;
    return connect();
  };

  return {
    start: () => {
      if (running) return;
      running = true;
      halted = null;
      attempt = 0;
      unsubscribe = deps.changes?.subscribe(onLocalChange) ?? null;
      void connect();
    },
    stop: async () => {
      if (!running) return;
      running = false;
      generation += 1;
      for (const slot of [retry, debounce, periodic]) slot.cancel();
      closeSocket();
      unsubscribe?.();
      unsubscribe = null;
      session.drop();
      await Promise.allSettled([round, connecting, uploader?.settled()]);
      status.update({ state: 'off', problem: null });
    },
    syncNow: async () => {
      if (!running) return refused({ type: 'not-connected' });
      if (halted?.type === 'removed') return refused(halted);
      halted = null;
      return status.get().state === 'connected' ? runRounds() : connect();
    },
    status: status.get,
    watch: status.watch,
    token: async () => {
      try {
        return { ok: true, value: (await session.current()).token };
      } catch (error) {
        return refused(problemOf(asFailure(error)));
      }
    },
    rejectedSets: () => rejected,
    confirmTwoFactor: async (port) => {
      if (!running) return refused({ type: 'not-connected' });
      const proof = await session.secondFactor(port);
      return proof.ok ? resumeWithProof(proof.value) : proof;
    },
    resumeWithProof,
  };
};
