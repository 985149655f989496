import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from '../../../core/sync/engine/backoff';
import { createSyncEngine, type Timers } from '../../../core/sync/engine/engine';
import type { RelayTransport } from '../../../core/sync/ports';
import { createSwitchableTransport, createTestCrypto, createTestReplica } from '../../relay/support/sync-test-deps';
import { createTestDevice, newTeamId, newTeamKey } from '../../relay/support/test-device';
import { waitFor } from '../../relay/support/relay-client';

/** Timers that record every wait the engine asks for and run it at once, so retries happen back to back. */
const recordingTimers = () => {
  const waits: number[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      waits.push(ms);
      return setTimeout(run, 0);
    },
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  return { waits, timers };
};

/** A loopback port that nothing listens on: every connection is refused. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const engineOn = async (transport: RelayTransport, timers: Timers, random: () => number) => {
  const device = await createTestDevice(newTeamId(), newTeamKey());
  return createSyncEngine({
    transport, replica: createTestReplica(device.keys.deviceId), crypto: createTestCrypto(device, new Map()), team: device.team,
    clock: { now: () => Date.now() }, random, timers,
  });
};

describe('reconnect backoff', () => {
  it('draws full-jitter waits under a cap that doubles from 1 s to 60 s', () => {
    expect([0, 1, 2, 3, 5, 6, 7, 30].map((attempt) => backoffDelay(attempt, () => 0.999_999))).toEqual(
      [999, 1999, 3999, 7999, 31_999, 59_999, 59_999, 59_999],
    );
    expect(backoffDelay(4, () => 0)).toBe(0);
    expect(backoffDelay(0, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelay(0, () => 0.5, 10 ** 9)).toBeLessThanOrEqual(10 * 60_000);
  });

  it('keeps retrying a relay that is down, offline and never waiting more than 60 s', async () => {
    const { waits, timers } = recordingTimers();
    const transport = createSwitchableTransport(`http://127.0.0.1:${await closedPort()}`);
    const engine = await engineOn(transport, timers, () => 0.999);
    engine.start();
    await waitFor(() => waits.length >= 12, 10_000);
    await engine.stop();
    expect(engine.status().state).toBe('off');
    expect(waits.slice(0, 8)).toEqual([999, 1998, 3996, 7992, 15_984, 31_968, 59_940, 59_940]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    const settled = waits.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(waits.length).toBe(settled);
  });

  it('waits at least as long as the relay’s Retry-After', async () => {
    const { waits, timers } = recordingTimers();
    let asked = 0;
    const busy: RelayTransport = {
      request: async () => {
        asked += 1;
        return { status: 503, body: { error: 'unavailable' }, retryAfterMs: 20_000 };
      },
      openSocket: () => { throw new Error('no socket before a session'); },
    };
    const engine = await engineOn(busy, timers, () => 0);
    const statuses: string[] = [];
    engine.watch((status) => statuses.push(`${status.state}:${status.problem?.type ?? ''}`));
    engine.start();
    await waitFor(() => waits.length >= 3);
    await engine.stop();
    expect(waits.slice(0, 3)).toEqual([20_000, 20_000, 20_000]);
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('offline:relay-unreachable');
  });
});
