/**
 * SyncPageServices for the options page's Sync section, over the page's worker. Status changes
 * arrive on the sync channel from whichever worker runs sync; each one refreshes the full view
 * (relay, devices) from this page's worker. A device removed from this page changes no sync
 * status, so the removal itself refreshes the watchers. Pairing steps fan out to every watcher.
 */
import type { PairingStep, SyncPageServices, SyncStatusView } from '../../core/sync/ports';
import { relaySecurityKey } from '../webauthn/relay-security-key';
import type { SyncWorkerApi } from '../../worker/contract';
import type { SyncChannel } from '../sync/sync-channel';

export const createSyncServices = (worker: SyncWorkerApi, channel: Pick<SyncChannel, 'listen'>): SyncPageServices => {
  const pairingWatchers = new Set<(step: PairingStep) => void>();
  const statusRefreshers = new Set<() => void>();
  const onStep = (step: PairingStep): void => {
    for (const watcher of [...pairingWatchers]) watcher(step);
  };

  return {
    status: () => worker.syncStatus(),
    watch: (listener) => {
      let fetching: Promise<void> | null = null;
      let again = false;
      // Status messages come in bursts (connecting, connected): one fetch at a time, one more after it.
      const refresh = (): void => {
        if (fetching) {
          again = true;
          return;
        }
        fetching = worker.syncStatus().then((status: SyncStatusView) => { if (!stopped) listener(status); }, () => undefined).finally(() => {
          fetching = null;
          if (again && !stopped) {
            again = false;
            refresh();
          }
        });
      };
      let stopped = false;
      const stopListening = channel.listen((message) => {
        if (message.type === 'status') refresh();
      });
      statusRefreshers.add(refresh);
      return () => {
        stopped = true;
        statusRefreshers.delete(refresh);
        stopListening();
      };
    },
    connect: (relayUrl, deviceName) => worker.connectSync(relayUrl, deviceName),
    disconnect: () => worker.disconnectSync(),
    removeDevice: async (deviceId) => {
      const removed = await worker.removeSyncDevice(deviceId);
      if (removed.ok) for (const refresh of [...statusRefreshers]) refresh();
      return removed;
    },
    syncNow: () => worker.syncNow(),
    offerPairing: () => worker.offerPairing(onStep),
    joinWithCode: (relayUrl, code, deviceName) => worker.joinWithCode(relayUrl, code, deviceName, onStep),
    watchPairing: (listener) => {
      pairingWatchers.add(listener);
      return () => { pairingWatchers.delete(listener); };
    },
    confirmPairing: (same) => worker.confirmPairing(same),
    confirmTwoFactor: () => worker.confirmTwoFactor(async ({ ceremony, request, user }) => {
      const key = relaySecurityKey({ id: new TextEncoder().encode(user.id), name: user.name });
      return ceremony === 'register' ? key.register(request) : key.assert(request);
    }),
  };
};
