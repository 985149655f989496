import type { PairingStep, SyncDeviceView, SyncPageServices, SyncStatusView } from '../../core/sync/ports';
import type { HostPermissions } from '../../platform/permissions/host-permission';
import { fakeWith } from './fakes';
import { TEST_START } from './test-services';

/** Sync as a device that never connected reports it, unless the test says otherwise. */
export const testSyncStatus = (overrides: Partial<SyncStatusView> = {}): SyncStatusView => ({
  state: 'off', relayUrl: null, lastSyncedAt: null, waiting: 0, devices: [], problem: null, ...overrides,
});

export const testSyncDevice = (overrides: Partial<SyncDeviceView> = {}): SyncDeviceView => ({
  id: 'device-1', name: 'Chrome on Linux', thisDevice: true, addedAt: TEST_START, lastSeenAt: TEST_START, removed: false, ...overrides,
});

/**
 * The Sync page's services with status and pairing steps the test sends by hand, and every
 * call (the browser's permission prompt included) written to one log, in the order it came.
 */
export const createFakeSync = (members: Partial<SyncPageServices> = {}, { granted = true } = {}) => {
  const statusListeners = new Set<(status: SyncStatusView) => void>();
  const pairingListeners = new Set<(step: PairingStep) => void>();
  const log: string[] = [];
  const services = fakeWith<SyncPageServices>('sync', {
    status: async () => testSyncStatus(),
    watch: (listener) => { statusListeners.add(listener); return () => { statusListeners.delete(listener); }; },
    watchPairing: (listener) => { pairingListeners.add(listener); return () => { pairingListeners.delete(listener); }; },
    ...members,
  });
  const permissions: HostPermissions = {
    request: async (origin) => { log.push(`permission ${origin}`); return granted; },
  };
  return {
    services,
    permissions,
    log,
    sendStatus: (status: SyncStatusView) => { for (const listener of statusListeners) listener(status); },
    sendStep: (step: PairingStep) => { for (const listener of pairingListeners) listener(step); },
    /** How many listeners follow the pairing now. */
    watchingPairing: () => pairingListeners.size,
  };
};
