/**
 * A device that meets the relay's fair-use limit in the middle of pushing its outbox (issue 14):
 * on held timers and a relay clock moved by hand, it waits exactly the relay's Retry-After, tries
 * again, and ends with every change acknowledged and held by the relay, none lost or doubled. The
 * status says the relay asked it to slow down only when the wait is long. A socket refused with a
 * `rate_limited` frame is opened again after exactly the frame's wait.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../core/clock';
import { SLOWED_NOTICE_MS } from '../../core/sync/engine/backoff';
import { createSyncEngine, type SyncEngine, type Timers } from '../../core/sync/engine/engine';
import type { EngineStatus } from '../../core/sync/engine/status';
import type { RelayTransport } from '../../core/sync/ports';
import { NO_LIMITS, type RateLimitsConfig } from '../../relay/server/limits-config';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, openPokeSocket, waitFor } from './support/relay-client';
import { createTestSyncDevice, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

interface HeldWait { readonly ms: number; readonly run: () => void; live: boolean }

/** Real timers for the engine's short waits (the local-change debounce); every wait of a second or more is held for the test to fire. */
const heldTimers = () => {
  const held: HeldWait[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      if (ms < 1000) return setTimeout(run, ms);
      const wait = { ms, run, live: true };
      held.push(wait);
      return wait;
    },
    clear: (handle) => {
      const wait = held.find((candidate) => candidate === handle);
      if (wait) wait.live = false;
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
  return { timers, live: () => held.filter((wait) => wait.live) };
};

/** Every request the engine makes, with the status it got. */
const recorded = (transport: RelayTransport) => {
  const answers: { path: string; status: number; retryAfterMs?: number }[] = [];
  const wrapped: RelayTransport = {
    request: async (path, init) => {
      const answer = await transport.request(path, init);
      answers.push({ path, status: answer.status, ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: answer.retryAfterMs }) });
      return answer;
    },
    openSocket: (handlers) => transport.openSocket(handlers),
  };
  return { answers, wrapped };
};

const SETS = 250;

describe('a device over one of the relay\'s limits', () => {
  let relay: TestRelay;
  let relayClock: ManualClock;
  let laptop: TestSyncDevice;
  let engine: SyncEngine | undefined;

  const startRelayWith = async (limits: Partial<RateLimitsConfig>) => {
    relayClock = createManualClock(Date.now());
    relay = await startTestRelay({ limits: { ...NO_LIMITS, ...limits } }, undefined, { clock: relayClock });
    laptop = await createTestSyncDevice(newTeamId(), relay.url, new Map());
    await connectDevice(relay.url, laptop.device, 'register');
  };

  beforeEach(() => { engine = undefined; });
  afterEach(async () => {
    await engine?.stop();
    await relay.dispose();
  });

  /**
   * Starts the engine on the laptop's outbox and, each time it waits for the relay, moves the
   * relay's clock by that wait and lets the wait end; bounded. Returns every wait and every status.
   */
  const syncThroughLimits = async (sets = SETS) => {
     const written = Array.from({ length: sets }, (_, index) => laptop.replica.write(`person ${index}`).setId);
    const { timers, live } = heldTimers();
    const { answers, wrapped } = recorded(laptop.transport);
    const statuses: EngineStatus[] = [];
    engine = createSyncEngine({
      transport: wrapped, replica: laptop.replica, crypto: laptop.crypto, team: laptop.device.team,
      clock: { now: () => Date.now() }, random: Math.random, changes: laptop.replica.bus, timers,
    });
    engine.watch((status) => statuses.push(status));
    engine.start();
    const waits: { ms: number; status: EngineStatus; at: number }[] = [];
    for (let wait = 0; wait < 10; wait += 1) {
      await waitFor(() => engine!.status().state === 'connected' || live().some((held) => held.ms !== 45_000), 20_000);
      if (engine.status().state === 'connected' && (await laptop.replica.pendingCount()) === 0) break;
      const retry = live().find((held) => held.ms !== 45_000)!;
      waits.push({ ms: retry.ms, status: engine.status(), at: Date.now() });
      retry.live = false;
      relayClock.advance(retry.ms);
      retry.run();
    }
    return { written, waits, answers, statuses };
  };

  /** What the relay holds, read by the laptop's key once its window has passed (the reading spends its allowance too). */
  const relayHolds = async () => {
    relayClock.advance(60_000);
    const reader = await connectDevice(relay.url, laptop.device, 'session');
    return reader.pullAll(0);
  };

  it('waits exactly the Retry-After when refused mid-push, says it was slowed down, then completes without losing a change', async () => {
    // Three requests a window: the round's device check and two pushes of 100 sets; the third push is refused.
    await startRelayWith({ burst: { points: 3, seconds: 60 } });
    const { written, waits, answers, statuses } = await syncThroughLimits();

    const firstRefusal = answers.findIndex((answer) => answer.status === 429);
    expect(answers[firstRefusal]).toMatchObject({ path: '/v1/push', retryAfterMs: 60_000 });
    expect(answers.slice(0, firstRefusal).filter((answer) => answer.path === '/v1/push' && answer.status === 200)).toHaveLength(2);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    for (const wait of waits) {
      expect(wait.ms).toBe(60_000);
      expect(wait.status).toMatchObject({ state: 'offline', problem: { type: 'slowed' } });
      const { retryAt } = wait.status.problem as { retryAt: number };
      expect(retryAt).toBeGreaterThan(wait.at + 60_000 - 5_000);
      expect(retryAt).toBeLessThanOrEqual(wait.at + 60_000);
    }

    expect(engine!.status()).toMatchObject({ state: 'connected', problem: null, waiting: 0 });
    const held = await relayHolds();
    expect(held.map((set) => set.setId)).toEqual(written);
    expect(held.map((set) => set.clientSeq)).toEqual(written.map((_, index) => index + 1));
    expect(statuses.some((status) => status.problem?.type === 'slowed')).toBe(true);
  });

  it('says nothing about slowing down when the wait is short, and still completes', async () => {
    await startRelayWith({ burst: { points: 3, seconds: 10 } });
    const { written, waits, statuses } = await syncThroughLimits();

    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(10_000).toBeLessThan(SLOWED_NOTICE_MS);
    for (const wait of waits) expect([wait.ms, wait.status.state, wait.status.problem]).toEqual([10_000, 'connecting', null]);
    expect(statuses.every((status) => status.problem === null)).toBe(true);
    expect(engine!.status()).toMatchObject({ state: 'connected', problem: null, waiting: 0 });
    expect((await relayHolds()).map((set) => set.setId)).toEqual(written);
  });

  it('connects its socket again after exactly the wait a rate_limited frame names, and syncs', async () => {
    await startRelayWith({ frames: { points: 1, seconds: 40 } });
    // Another connection of this device spent the window's one frame.
    const earlier = await openPokeSocket(relay.url, (await connectDevice(relay.url, laptop.device, 'session')).token());
    await waitFor(() => earlier.frames.length > 0);
    earlier.socket.close();

    const { written, waits } = await syncThroughLimits(3);
    expect(waits.map((wait) => [wait.ms, wait.status.state, wait.status.problem?.type])).toEqual([[40_000, 'offline', 'slowed']]);
    expect(engine!.status()).toMatchObject({ state: 'connected', problem: null, waiting: 0 });
    expect((await relayHolds()).map((set) => set.setId)).toEqual(written);
  });
});
