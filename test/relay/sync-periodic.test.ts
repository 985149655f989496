/**
 * The engine's periodic round, on fake timers against the real relay: a device whose socket went
 * quiet (pokes lost, a removal never told) still pulls what it missed and learns it was removed,
 * one period later, and no periodic wait outlives the engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { createSyncEngine, PERIODIC_ROUND_MS, type SyncEngine, type Timers } from '../../core/sync/engine/engine';
import type { RelayTransport } from '../../core/sync/ports';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { connectDevice, waitFor } from './support/relay-client';
import { createTestSyncDevice, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

/** A socket that opens and sends, then hears nothing: no poke, no refusal, no close (a proxy holding it half-open). */
const quietSockets = (transport: RelayTransport): RelayTransport => ({
  request: (path, init) => transport.request(path, init),
  openSocket: (handlers) => transport.openSocket({ onOpen: handlers.onOpen, onFrame: () => undefined, onClose: () => undefined }),
});

interface HeldWait {
  readonly run: () => void;
  live: boolean;
}

/** Real timers for every wait but the periodic round's, which the test fires by hand. */
const periodicHeld = () => {
  const held: HeldWait[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      if (ms !== PERIODIC_ROUND_MS) return setTimeout(run, ms);
      const wait = { run, live: true };
      held.push(wait);
      return wait;
    },
    clear: (handle) => {
      const wait = held.find((candidate) => candidate === handle);
      if (wait) wait.live = false;
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
  const armed = () => held.filter((wait) => wait.live).length;
  /** One period passes. */
  const elapse = () => { for (const wait of held.splice(0)) if (wait.live) wait.run(); };
  return { timers, armed, elapse };
};

describe('the periodic round', () => {
  let relay: TestRelay;
  let laptop: TestSyncDevice;
  let phone: TestSyncDevice;
  const engines: SyncEngine[] = [];

  beforeEach(async () => {
    relay = await startTestRelay();
    const team = newTeamId();
    const directory = new Map();
    laptop = await createTestSyncDevice(team, relay.url, directory);
    phone = await createTestSyncDevice(team, relay.url, directory);
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await relay.dispose();
  });

  const enroll = async () => {
    const client = await connectDevice(relay.url, laptop.device, 'register');
    expect((await client.addDevice(phone.device)).status).toBe(200);
    return client;
  };

  const quietPhone = (timers: Timers): SyncEngine => {
    const engine = createSyncEngine({
      transport: quietSockets(phone.transport), replica: phone.replica, crypto: phone.crypto, team: phone.device.team,
      clock: systemClock, random: Math.random, changes: phone.replica.bus, timers,
    });
    engines.push(engine);
    engine.start();
    return engine;
  };

  it('waits between 30 s and 60 s', () => {
    expect(PERIODIC_ROUND_MS).toBeGreaterThanOrEqual(30_000);
    expect(PERIODIC_ROUND_MS).toBeLessThanOrEqual(60_000);
  });

  it('brings a set whose poke was lost within one period, and no wait outlives the engine', async () => {
    await enroll();
    const onLaptop = laptop.newEngine();
    engines.push(onLaptop);
    onLaptop.start();
    const clock = periodicHeld();
    const onPhone = quietPhone(clock.timers);
    await waitFor(() => onPhone.status().state === 'connected' && onLaptop.status().state === 'connected');
    expect(clock.armed()).toBe(1);

    const set = laptop.replica.write('while the phone hears nothing');
    await waitFor(() => laptop.replica.ackedAt.has(set.setId));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(phone.replica.sets().has(set.setId)).toBe(false);

    clock.elapse();
    await waitFor(() => phone.replica.sets().has(set.setId));
    await waitFor(() => clock.armed() === 1);
    await onPhone.stop();
    expect(clock.armed()).toBe(0);
  });

  it('stops a device removed elsewhere within one period, though its socket never said so', async () => {
    const laptopClient = await enroll();
    const clock = periodicHeld();
    const onPhone = quietPhone(clock.timers);
    await waitFor(() => onPhone.status().state === 'connected');

    expect((await laptopClient.removeDevice(phone.crypto.deviceId)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onPhone.status().state).toBe('connected');

    clock.elapse();
    await waitFor(() => onPhone.status().state === 'removed');
    expect(onPhone.status().problem).toEqual({ type: 'removed' });
    // Stopped until the user acts: no round is planned, and asking for one is refused.
    expect(clock.armed()).toBe(0);
    expect(await onPhone.syncNow()).toEqual({ ok: false, error: { type: 'removed' } });
  });
});
