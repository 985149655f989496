import { contactsContract, duplicatesContract, filterContract, importContract, pipelineContract } from '../../worker/contract';
import { createContactsApi } from '../../worker/contacts-api';
import { createDuplicatesApi } from '../../worker/duplicates-api';
import { createFilterApi } from '../../worker/filters/filter-api';
import { createPipelineApi } from '../../worker/pipeline-api';
import { validated } from '../../worker/host';
import { plainCodec } from '../../core/codec';
import { createManualClock, type ManualClock } from '../../core/clock';
import { auditKeysFrom } from '../../core/audit/hash';
import { createHlc } from '../../core/hlc';
import { createIdFactory } from '../../core/ids';
import type { ChangeBus, StoreChange } from '../../core/db/change-bus';
import type { LocketStore } from '../../core/store/contract';
import { openLocketDb, type LocketDatabase } from '../../core/db/schema';
import { createStore } from '../../core/store/store';
import { DEFAULT_IDLE_MINUTES } from '../../core/security/auto-lock';
import { checkPassword } from '../../core/security/password-policy';
import type { RegisteredKey, VaultRecord } from '../../core/vault/types';
import type { AccountManager } from '../../core/vault/account';
import type { LoginLog } from '../../core/security/login-log';
import type {
  CaptureServices, LocketServices, RetentionServices, SecurityServices,
} from '../../platform/page-services/services';
import { createImportApi } from '../../worker/import-api';
import { createRetentionApi } from '../../worker/retention-api';
import { createTaskReads } from '../../core/tasks/task-reads';
import { readRetentionPolicy, writeRetentionPolicy } from '../../core/retention/policy';
import type { SweepReport } from '../../worker/sweep-contract';
import {
  dismissCapture, dismissCaptureFailure, readCaptureDraft, watchCaptureInbox, writeCaptureDraft,
} from '../../platform/capture/capture-inbox';
import { fakeWith } from './fakes';
import type { RelayRetentionWorkerApi } from '../../worker/contract';
import type { SyncPageServices } from '../../core/sync/ports';

/**
 * The one place element tests get their services from: a real store on the page's own
 * IndexedDB (a fresh database per call, plain codec, a clock moved by hand) and fakes for
 * everything that lives elsewhere (worker, background, session, authenticator). Each fake
 * refuses loudly when an element calls something the test did not give it.
 */
export const TEST_START = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface TestServices {
  readonly services: LocketServices;
  readonly store: LocketStore;
  readonly clock: ManualClock;
  readonly db: LocketDatabase;
}

export interface TestServiceOverrides {
  /** Members that replace the real store's in what the element gets (the test's own `store` stays real). */
  readonly store?: (real: LocketStore) => Partial<LocketStore>;
  readonly security?: Partial<SecurityServices>;
  readonly retention?: Partial<RetentionServices>;
  readonly captures?: Partial<CaptureServices>;
  readonly archives?: Partial<LocketServices['archives']>;
  readonly imports?: Partial<LocketServices['imports']>;
  readonly sync?: Partial<SyncPageServices>;
  readonly services?: Partial<Omit<LocketServices, 'security' | 'retention' | 'captures' | 'archives' | 'imports' | 'sync'>>;
}

/** A bus that hands each change to this page's subscribers, as BroadcastChannel does to other pages. */
const createLocalBus = (): ChangeBus => {
  const listeners = new Set<(change: StoreChange) => void>();
  return {
    publish: (change) => { queueMicrotask(() => { for (const listener of listeners) listener(change); }); },
    subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    close: () => listeners.clear(),
  };
};

let databases = 0;

/** A vault as the security elements read it: no second factor and no key unless the test says so. */
export const testVault = (overrides: Partial<VaultRecord> = {}): VaultRecord =>
  ({ version: 1, secondFactor: null, createdAt: TEST_START, passwordChangedAt: TEST_START, ...overrides }) as VaultRecord;

/** A registered security key as the vault lists it (with PRF, never used, counter sound). */
export const testKey = (overrides: Partial<RegisteredKey> = {}): RegisteredKey => ({
  id: 'key-1', name: 'Blue YubiKey', publicKey: new Uint8Array(8), signCount: 0, transports: ['usb'], prf: true,
  createdAt: TEST_START, lastUsedAt: null, counterRegressionAt: null, ...overrides,
});

/** A vault with two-factor on, with these keys; only what the elements read is filled in. */
export const vaultWithKeys = (keys: readonly RegisteredKey[]): VaultRecord =>
  testVault({ secondFactor: { keys, prfSalt: new Uint8Array(32), prfSlots: {}, passwordSlot: null, recovery: [], slotKeys: {} } });

/** The real password policy (it runs in the page in production too). */
export const realPasswordPolicy = async (): Promise<typeof checkPassword> => checkPassword;

export const createTestServices = async (overrides: TestServiceOverrides = {}): Promise<TestServices> => {
  const clock = createManualClock(TEST_START);
  const db = await openLocketDb(indexedDB, `locket-element-test-${Date.now()}-${++databases}`);
  const bus = createLocalBus();
  const storeDeps = {
    db, codec: plainCodec, clock, newId: createIdFactory(clock), hlc: createHlc({ clock, nodeId: 'device-a' }),
    deviceId: 'device-a', author: 'owner', bus, auditKeys: auditKeysFrom(new Uint8Array(32).fill(7)),
  };
  const store = createStore(storeDeps);
  const security = fakeWith<SecurityServices>('security', {
    vault: async () => testVault(),
    sessionKeys: async () => ({ accountKey: new Uint8Array(32), factorSecret: null }),
    lockPolicy: { read: async () => ({ idleMinutes: DEFAULT_IDLE_MINUTES }), write: async () => undefined },
    passwordPolicy: realPasswordPolicy,
    logins: fakeWith<LoginLog>('logins', { recent: async () => [] }),
    account: fakeWith<AccountManager>('account', {}),
    ...overrides.security,
  });
  const services = fakeWith<LocketServices>('services', {
    store: { ...store, ...overrides.store?.(store) },
    changes: bus,
    clock,
    search: async () => [],
    whenSearchReady: async () => undefined,
    onOpenRequest: () => () => undefined,
    openSidePanel: async () => undefined,
    security,
    // The capture inbox as the side panel has it, on the in-memory session storage.
    captures: fakeWith<CaptureServices>('captures', {
      watch: watchCaptureInbox, readDraft: readCaptureDraft, saveDraft: writeCaptureDraft, dismiss: dismissCapture,
      dismissFailure: dismissCaptureFailure, activeTabAddress: async () => '', ...overrides.captures,
    }),
    // The worker's own import code, run in the page on the test's store: previews and plans are real.
    imports: { ...validated(importContract, createImportApi({ store, clock })), ...overrides.imports },
    // The worker's own last-contacted and stay-in-touch reads, run in the page on the test's store.
    contacts: validated(contactsContract, createContactsApi({ store, clock })),
    // The worker's own pair finder, run in the page on the test's store.
    duplicates: validated(duplicatesContract, createDuplicatesApi({ store })),
    // The worker's own filter code, run in the page on the test's store.
    filters: validated(filterContract, createFilterApi({ store, db, clock })),
    archives: fakeWith<LocketServices['archives']>('archives', { listSnapshots: async () => [], ...overrides.archives }),
    retention: fakeWith<RetentionServices>('retention', {
      // The policy on the test's database and the worker's own rule proposals, run in the page.
      readPolicy: () => readRetentionPolicy(db),
      writePolicy: (patch) => writeRetentionPolicy(db, patch),
      proposeRetention: createRetentionApi({ store, clock }).proposeRetention,
      lastSweep: async () => null,
      nextSweepAt: async () => null,
      storageStatus: async () => ({ usage: 1_500_000, kept: true }),
      ...overrides.retention,
    }),
    // Sync as a device that never connected: off, and quiet.
    sync: fakeWith<SyncPageServices>('sync', {
      status: async () => ({ state: 'off', relayUrl: null, lastSyncedAt: null, waiting: 0, devices: [], problem: null }),
      watch: () => () => undefined,
      ...overrides.sync,
    }),
    // The relay's retention as a device that never connected sees it: nothing erased there, nothing held.
    relayRetention: fakeWith<RelayRetentionWorkerApi>('relayRetention', {
      relayErasure: async () => ({ type: 'not-synced' }),
      relayRetention: async () => ({ relayKeyChangedSince: null, team: { type: 'active' }, heldBack: 0 }),
    }),
    // The worker's own task reads, run in the page on the test's database.
    tasks: (({ dueTasks, otherTasks }) => ({ dueTasks, otherTasks }))(createTaskReads({ db, codec: plainCodec })),
    // The worker's own pipeline code, run in the page on the test's store and checked as the host checks it.
    pipeline: validated(pipelineContract, createPipelineApi({ storeDeps, store })),
    // The side panel's remembered first rows: kept nowhere here.
    firstScreens: { remember: () => undefined },
    ...overrides.services,
  });
  return { services, store, clock, db };
};

/** A sweep report as the sweep worker writes it: nothing purged, nothing held, unless the test says so. */
export const testSweepReport = (overrides: Partial<SweepReport> = {}): SweepReport => ({
  trigger: 'page', startedAt: TEST_START, finishedAt: TEST_START + 1200, durationMs: 1200, purged: {}, changeSetsDeleted: 0,
  changeSetsRewritten: 0, changeSetsAwaitingKey: 0, loginsDeleted: 0, snapshotsDeleted: 0, snapshotTaken: null,
  snapshotSkipped: null, accountDeleted: false, held: null, error: null, ...overrides,
});
