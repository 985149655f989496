import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import type { SyncPageServices, SyncStatusView } from '../../core/sync/ports';
import { createSyncServices } from '../../platform/page-services/sync-services';
import { createSyncChannel, type SyncChannel } from '../../platform/sync/sync-channel';
import { syncContract } from '../../worker/contract';
import { validated } from '../../worker/host';
import { startWorkerSync, type WorkerSync } from '../../worker/sync-worker';
import { connectDevice, waitFor } from './support/relay-client';
import { startTestRelay, type TestRelay } from './support/in-process-relay';
import { createTestAccount, createTestLocks, createTestSyncDevice, type TestSyncDevice } from './support/sync-test-deps';
import { newTeamId } from './support/test-device';

describe('the options page’s sync services, through the worker, to a real relay', () => {
  let relay: TestRelay;
  let laptop: TestSyncDevice;
  let sync: WorkerSync;
  let services: SyncPageServices;
  const channels: SyncChannel[] = [];
  const seen: SyncStatusView[] = [];

  beforeEach(async () => {
    relay = await startTestRelay();
    laptop = await createTestSyncDevice(newTeamId(), relay.url, new Map());
    const name = `locket-sync-test-${Math.random()}`;
    const [workerSide, pageSide] = [createSyncChannel(new BroadcastChannel(name)), createSyncChannel(new BroadcastChannel(name))];
    channels.push(workerSide, pageSide);
    sync = startWorkerSync({
      ports: { account: createTestAccount(laptop), replica: laptop.replica }, changes: laptop.replica.bus,
      transportFor: () => laptop.transport, locks: createTestLocks(), clock: systemClock, random: Math.random, channel: workerSide,
    });
    services = createSyncServices(validated(syncContract, sync.api), pageSide);
    seen.length = 0;
    services.watch((status) => seen.push(status));
  });
  afterEach(async () => {
    await sync.close();
    for (const channel of channels.splice(0)) channel.close();
    await relay.dispose();
  });

  it('connects, shows status and devices, syncs, and disconnects keeping the records', async () => {
    expect(await services.status()).toEqual({ state: 'off', relayUrl: null, lastSyncedAt: null, waiting: 0, devices: [], problem: null });
    expect(await services.syncNow()).toEqual({ ok: false, error: { type: 'not-connected' } });
    expect(await services.connect('http://relay.example.org', 'Laptop')).toEqual({ ok: false, error: { type: 'insecure-address' } });

    expect(await services.connect(`${relay.url}/`, 'Laptop')).toEqual({ ok: true, value: undefined });
    await waitFor(() => seen.some((status) => status.state === 'connected'));
    const connected = seen.find((status) => status.state === 'connected')!;
    expect(connected).toMatchObject({ relayUrl: relay.url, waiting: 0, problem: null });
    expect(connected.devices.map((device) => [device.name, device.thisDevice, device.removed])).toEqual([['Laptop', true, false]]);
    expect(await services.connect(relay.url, 'Laptop again')).toEqual({ ok: false, error: { type: 'already-connected' } });

    const written = laptop.replica.write('someone');
    expect(await services.syncNow()).toEqual({ ok: true, value: undefined });
    const reader = await connectDevice(relay.url, laptop.device, 'session');
    expect((await reader.pullAll(0)).map((set) => set.setId)).toEqual([written.setId]);
    expect((await services.status()).waiting).toBe(0);

    await services.disconnect();
    expect(await services.status()).toMatchObject({ state: 'off', relayUrl: null });
    expect(laptop.replica.sets().has(written.setId)).toBe(true);
  });

  it('removes another device, which stops with `removed`', async () => {
    await services.connect(relay.url, 'Laptop');
    await waitFor(() => seen.some((status) => status.state === 'connected'));
    const phone = await createTestSyncDevice(laptop.device.team, relay.url, new Map());
    expect((await (await connectDevice(relay.url, laptop.device, 'session')).addDevice(phone.device)).status).toBe(200);
    const onPhone = phone.newEngine();
    onPhone.start();
    await waitFor(() => onPhone.status().state === 'connected');

    expect(await services.removeDevice(phone.crypto.deviceId)).toEqual({ ok: true, value: undefined });
    await waitFor(() => onPhone.status().state === 'removed');
    const devices = (await services.status()).devices;
    expect(devices.find((device) => device.id === phone.crypto.deviceId)?.removed).toBe(true);
    await onPhone.stop();
  });

  it('shows a removed device as removed on the page that removed it, without waiting for sync', async () => {
    await services.connect(relay.url, 'Laptop');
    await waitFor(() => seen.some((status) => status.state === 'connected'));
    const phone = await createTestSyncDevice(laptop.device.team, relay.url, new Map());
    expect((await (await connectDevice(relay.url, laptop.device, 'session')).addDevice(phone.device)).status).toBe(200);
    const phoneListed = (status: SyncStatusView | undefined) => status?.devices.find((device) => device.id === phone.crypto.deviceId);
    expect(await services.removeDevice(phone.crypto.deviceId)).toEqual({ ok: true, value: undefined });
    await waitFor(() => phoneListed(seen.at(-1))?.removed === true);
  });
});
