import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { createSyncChannel, type SyncChannel } from '../../platform/sync/sync-channel';
import { startSyncRunner, type SyncRunner } from '../../platform/sync/sync-runner';
import { connectDevice, waitFor } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestLocks, createTestSyncDevice, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

describe('one context syncs at a time', () => {
  let relay: TestRelay;
  let laptop: TestSyncDevice;
  let phone: TestSyncDevice;
  let phoneEngine: SyncEngine;
  const channels: SyncChannel[] = [];
  const runners: SyncRunner[] = [];

  beforeEach(async () => {
    relay = await startTestRelay();
    const directory = new Map();
    const team = newTeamId();
    laptop = await createTestSyncDevice(team, relay.url, directory);
    phone = await createTestSyncDevice(team, relay.url, directory);
    const client = await connectDevice(relay.url, laptop.device, 'register');
    await client.addDevice(phone.device);
    phoneEngine = phone.newEngine();
    phoneEngine.start();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close()));
    for (const channel of channels.splice(0)) channel.close();
    await phoneEngine.stop();
    await relay.dispose();
  });

  /** Two workers of the laptop (two open pages), sharing its replica, locks and channel name. */
  const twoWorkers = (channelName: string) => {
    const locks = createTestLocks();
    const enginesBuilt: string[] = [];
    let identity = true;
    const worker = (name: string) => {
      const channel = createSyncChannel(new BroadcastChannel(channelName));
      channels.push(channel);
      const runner = startSyncRunner({
        locks, channel, newRequestId: () => `${name}-${Math.random()}`,
        createEngine: async () => {
          if (!identity) return null;
          enginesBuilt.push(name);
          return laptop.newEngine();
        },
      });
      runners.push(runner);
      return runner;
    };
    return { first: worker('first'), second: worker('second'), enginesBuilt, forget: () => { identity = false; } };
  };

  it('runs one engine, lets the other page follow its status and sync through it, and hands over on close', async () => {
    const { first, second, enginesBuilt, forget } = twoWorkers(`locket-sync-test-${Math.random()}`);
    await waitFor(() => first.status().state === 'connected');
    await waitFor(() => second.status().state === 'connected');
    expect([first.holdsLock(), second.holdsLock()]).toEqual([true, false]);
    expect(second.engine()).toBeNull();

    const written = laptop.replica.write('from the laptop');
    expect(await second.syncNow()).toEqual({ ok: true, value: undefined });
    await waitFor(() => phone.replica.sets().has(written.setId));
    expect(enginesBuilt).toEqual(['first']);

    await first.close();
    expect([first.engine(), first.holdsLock()]).toEqual([null, false]);
    await waitFor(() => second.engine()?.status().state === 'connected' && second.status().state === 'connected');
    expect(second.holdsLock()).toBe(true);
    expect(enginesBuilt).toEqual(['first', 'second']);
    const later = laptop.replica.write('after the first page closed');
    await waitFor(() => phone.replica.sets().has(later.setId));

    forget();
    await second.identityChanged();
    expect(second.engine()).toBeNull();
    expect(second.status().state).toBe('off');
  });
});
