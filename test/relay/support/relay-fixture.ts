/**
 * The setup sync tests over a real relay share: a relay started for each test, a laptop and a
 * phone of one account on it (the phone enrolled by the laptop when asked), and the sync channels
 * a test opens, all closed after it. Hooks registered by the test file itself run before these.
 */
import { afterEach, beforeEach } from 'vitest';
import { createSyncChannel, type SyncChannel } from '../../../platform/sync/sync-channel';
import { startTestRelay, type TestRelay } from './in-process-relay';
import { connectDevice } from './relay-client';
import { createTestSyncDevice, type TestSyncDevice } from './sync-test-deps';
import { newTeamId } from './test-device';

export interface RelayFixture {
  readonly relay: TestRelay;
  readonly laptop: TestSyncDevice;
  readonly phone: TestSyncDevice;
  /** A sync channel on `name`, closed after the test. */
  readonly channel: (name: string) => SyncChannel;
}

export const useRelayFixture = ({ enrollPhone }: { readonly enrollPhone: boolean }): RelayFixture => {
  let current: { relay: TestRelay; laptop: TestSyncDevice; phone: TestSyncDevice } | null = null;
  const channels: SyncChannel[] = [];
  const now = () => {
    if (!current) throw new Error('The relay fixture is only there while a test runs');
    return current;
  };

  beforeEach(async () => {
    const relay = await startTestRelay();
    const team = newTeamId();
    const directory = new Map();
    const laptop = await createTestSyncDevice(team, relay.url, directory);
    const phone = await createTestSyncDevice(team, relay.url, directory);
    if (enrollPhone) await (await connectDevice(relay.url, laptop.device, 'register')).addDevice(phone.device);
    current = { relay, laptop, phone };
  });
  afterEach(async () => {
    for (const channel of channels.splice(0)) channel.close();
    await current?.relay.dispose();
    current = null;
  });

  return {
    get relay() { return now().relay; },
    get laptop() { return now().laptop; },
    get phone() { return now().phone; },
    channel: (name) => {
      const channel = createSyncChannel(new BroadcastChannel(name));
      channels.push(channel);
      return channel;
    },
  };
};
