import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import type { SyncPageServices, SyncStatusView } from '../../core/sync/ports';
import { createSyncServices } from '../../platform/page-services/sync-services';
import { syncContract } from '../../worker/contract';
import { validated } from '../../worker/host';
import { startWorkerSync, type WorkerSync } from '../../worker/sync-worker';
import { connectDevice, waitFor } from './support/relay-client';
import { useRelayFixture } from './support/relay-fixture';
import { createTestAccount, createTestLocks, type TestSyncDevice } from './support/sync-test-deps';

describe('the options page’s sync services, through the worker, to a real relay', () => {
  const fixture = useRelayFixture({ enrollPhone: false });
  let relay: { readonly url: string };
  let laptop: TestSyncDevice;
  let sync: WorkerSync;
  let services: SyncPageServices;
  const seen: SyncStatusView[] = [];
  /** While set, the account's removal waits for it before asking the relay. */
  let removalHeld: Promise<void> | null = null;
  /** Time the worker's clock is ahead of the system's: moved on to let a cached device list go stale. */
  let skippedMs = 0;

  beforeEach(() => {
    ({ relay, laptop } = fixture);
    removalHeld = null;
    skippedMs = 0;
    const name = `locket-sync-test-${Math.random()}`;
    const [workerSide, pageSide] = [fixture.channel(name), fixture.channel(name)];
    const account = createTestAccount(laptop);
    const removeDevice: typeof account.removeDevice = async (token, deviceId) => {
      await removalHeld;
      return account.removeDevice(token, deviceId);
    };
    sync = startWorkerSync({
      ports: { account: { ...account, removeDevice }, replica: laptop.replica }, changes: laptop.replica.bus,
      transportFor: () => laptop.transport, locks: createTestLocks(), clock: { now: () => systemClock.now() + skippedMs }, random: Math.random,
      channel: workerSide,
    });
    services = createSyncServices(validated(syncContract, sync.api), pageSide);
    seen.length = 0;
    services.watch((status) => seen.push(status));
  });
  afterEach(async () => {
    await sync.close();
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
    const { phone } = fixture;
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
    const { phone } = fixture;
    expect((await (await connectDevice(relay.url, laptop.device, 'session')).addDevice(phone.device)).status).toBe(200);
    const phoneListed = (status: SyncStatusView | undefined) => status?.devices.find((device) => device.id === phone.crypto.deviceId);
    expect(await services.removeDevice(phone.crypto.deviceId)).toEqual({ ok: true, value: undefined });
    await waitFor(() => phoneListed(seen.at(-1))?.removed === true);
  });

  it('shows a removed device as removed even when the page asked for the list while the removal was on its way', async () => {
    await services.connect(relay.url, 'Laptop');
    await waitFor(() => seen.some((status) => status.state === 'connected'));
    const { phone } = fixture;
    expect((await (await connectDevice(relay.url, laptop.device, 'session')).addDevice(phone.device)).status).toBe(200);
    const phoneListed = (status: SyncStatusView) => status.devices.find((device) => device.id === phone.crypto.deviceId);
    skippedMs += 60_000;
    let release: () => void = () => undefined;
    removalHeld = new Promise<void>((resolve) => { release = resolve; });

    const removal = services.removeDevice(phone.crypto.deviceId);
    // The page polls while the relay has not yet removed the device: the list then still shows it.
    expect(phoneListed(await services.status())?.removed).toBe(false);
    release();
    expect(await removal).toEqual({ ok: true, value: undefined });
    expect(phoneListed(await services.status())?.removed).toBe(true);
  });
});
