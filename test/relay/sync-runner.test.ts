import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../core/sync/engine/engine';
import { startSyncRunner, type SyncRunner } from '../../platform/sync/sync-runner';
import { waitFor } from './support/relay-client';
import { useRelayFixture } from './support/relay-fixture';
import { createTestLocks } from './support/sync-test-deps';

describe('one context syncs at a time', () => {
  const fixture = useRelayFixture({ enrollPhone: true });
  let phoneEngine: SyncEngine;
  const runners: SyncRunner[] = [];

  beforeEach(() => {
    phoneEngine = fixture.phone.newEngine();
    phoneEngine.start();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close()));
    await phoneEngine.stop();
  });

  /** Two workers of the laptop (two open pages), sharing its replica, locks and channel name. */
  const twoWorkers = (channelName: string) => {
    const locks = createTestLocks();
    const enginesBuilt: string[] = [];
    let identity = true;
    const worker = (name: string) => {
      const channel = fixture.channel(channelName);
      const runner = startSyncRunner({
        locks, channel, newRequestId: () => `${name}-${Math.random()}`,
        createEngine: async () => {
          if (!identity) return null;
          enginesBuilt.push(name);
          return fixture.laptop.newEngine();
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

    const written = fixture.laptop.replica.write('from the laptop');
    expect(await second.syncNow()).toEqual({ ok: true, value: undefined });
    await waitFor(() => fixture.phone.replica.sets().has(written.setId));
    expect(enginesBuilt).toEqual(['first']);

    await first.close();
    expect([first.engine(), first.holdsLock()]).toEqual([null, false]);
    await waitFor(() => second.engine()?.status().state === 'connected' && second.status().state === 'connected');
    expect(second.holdsLock()).toBe(true);
    expect(enginesBuilt).toEqual(['first', 'second']);
    const later = fixture.laptop.replica.write('after the first page closed');
    await waitFor(() => fixture.phone.replica.sets().has(later.setId));

    forget();
    await second.identityChanged();
    expect(second.engine()).toBeNull();
    expect(second.status().state).toBe('off');
  });
});
