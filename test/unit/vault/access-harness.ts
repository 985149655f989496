import { deriveAuditKeys } from '../../../core/audit/hash';
/**
 * Real AccessPorts on an in-memory IndexedDB: the vault repo, the login log, the audit log,
 * the challenge ledger, the verifier and the password policy are the production modules; the
 * throttle and the session are the in-memory halves of storage.local and storage.session, the
 * profile-wide lock an in-memory one; time is a manual clock and the security keys are
 * software ones (soft-ceremonies.ts).
 */
import { IDBFactory } from 'fake-indexeddb';
import { createAuditLog } from '../../../core/audit/audit-log';
import { createManualClock, type ManualClock } from '../../../core/clock';
import { createIdFactory } from '../../../core/ids';
import { createChallengeLedger } from '../../../core/security/challenges';
import { createLoginLog, type LoginAttempt } from '../../../core/security/login-log';
import { relyingPartyForExtension } from '../../../core/security/relying-party';
import { INITIAL_THROTTLE, type ThrottleState } from '../../../core/security/unlock-throttle';
import { openLocketDb, type LocketDatabase } from '../../../core/db/schema';
import { createAccess, type Access } from '../../../core/vault/access';
import type { AccessPorts } from '../../../core/vault/access-ports';
import { createAccountManager, type AccountManager } from '../../../core/vault/account';
import type { UnlockedKeys, VaultRecord } from '../../../core/vault/types';
import { createVaultRepo } from '../../../core/vault/vault-repo';
import { openStoredData } from '../../../core/store/open-stored-data';
import { rotateStoredData } from '../../../core/vault/rotate-stored-data';
import { TEST_ITERATIONS, TEST_KDF_BOUNDS, ok, testDeps } from './helpers';
import { createSoftCeremonies, createSoftKey, type PrfSupport, type SoftCeremonies, type SoftKey } from './soft-ceremonies';

export const START = Date.UTC(2025, 2, 3, 9, 0, 0);
export const RELYING_PARTY = relyingPartyForExtension('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
export const CLIENT = 'Chromium 156 on Linux';
export const OWNER = { name: 'Ada Lovelace', email: 'ada@example.org' } as const;
/** Passes the real password policy for OWNER. */
export const PASSWORD = 'walrus tundra violin lamp';

export interface AccessHarness {
  readonly ports: AccessPorts;
  readonly access: Access;
  readonly account: AccountManager;
  readonly clock: ManualClock;
  readonly db: LocketDatabase;
  /** The IndexedDB `db` lives in, and its name: for a second context's own connection. */
  readonly factory: IDBFactory;
  readonly dbName: string;
  readonly ceremonies: SoftCeremonies;
  /** What storage.session holds: null until something unlocks. */
  readonly session: () => UnlockedKeys | null;
  /** "Lock now": storage.session forgets the keys. */
  readonly lock: () => void;
  /** What storage.local holds for the throttle. */
  readonly throttle: () => ThrottleState;
  /** How many times the (large, lazily loaded) verifier module was asked for. */
  readonly verifierLoads: () => number;
  readonly vault: () => Promise<VaultRecord>;
  readonly logins: (limit?: number) => Promise<LoginAttempt[]>;
  /** Moves the clock to the first moment the throttle lets an attempt through. */
  readonly waitOutThrottle: () => void;
}

/** Web Locks' exclusive mode in memory: one holder at a time, in the order they asked. */
export const createMemoryLock = (): AccessPorts['oneAtATime'] => {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const turn = tail.then(task);
    tail = turn.catch(() => undefined);
    return turn;
  };
};

/**
 * Vaults are stretched with TEST_ITERATIONS (and the stored-parameter floor lowered to match);
 * `raisedIterations` stands for an install whose default has risen above that.
 */
export const createAccessHarness = async (
  { raisedIterations }: { raisedIterations?: number } = {},
): Promise<AccessHarness> => {
  const clock = createManualClock(START);
  const deps = testDeps(clock);
  const factory = new IDBFactory();
  const dbName = 'locket-access-test';
  const db = await openLocketDb(factory, dbName);
  let throttle = INITIAL_THROTTLE;
  let session: UnlockedKeys | null = null;
  let verifierLoads = 0;
  const ceremonies = createSoftCeremonies(RELYING_PARTY);
  const vaults = createVaultRepo(db, TEST_KDF_BOUNDS);
  const ports: AccessPorts = {
    vaults,
    logins: createLoginLog(db, clock, createIdFactory(clock)),
    audit: createAuditLog({ db, clock, keys: async () => (session ? deriveAuditKeys(session.accountKey) : null) }),
    throttle: {
      read: () => Promise.resolve(throttle),
      write: (state) => { throttle = state; return Promise.resolve(); },
    },
    openData: (keys) => openStoredData(db, keys, clock),
    rotateData: async (rotation) => { await rotateStoredData(db, clock, rotation); },
    session: { write: (keys) => { session = keys; return Promise.resolve(); } },
    oneAtATime: createMemoryLock(),
    ceremonies,
    verifier: () => {
      verifierLoads += 1;
      return import('../../../core/security/webauthn-verify');
    },
    ledger: createChallengeLedger({ clock, randomBytes: deps.randomBytes }),
    relyingParty: RELYING_PARTY,
    client: CLIENT,
    deps,
    passwordPolicy: () => import('../../../core/security/password-policy').then((module) => module.checkPassword),
    kdfIterations: raisedIterations ?? TEST_ITERATIONS,
  };
  return {
    ports,
    access: createAccess(ports),
    account: createAccountManager(ports),
    clock,
    db,
    factory,
    dbName,
    ceremonies,
    session: () => session,
    lock: () => { session = null; },
    throttle: () => throttle,
    verifierLoads: () => verifierLoads,
    vault: async () => {
      const record = await vaults.load();
      if (!record) throw new Error('No vault was saved');
      return record;
    },
    logins: (limit = 1000) => ports.logins.recent(limit),
    waitOutThrottle: () => clock.set(Math.max(clock.now(), throttle.notBefore)),
  };
};

/** A harness whose owner has created the account with PASSWORD. */
export const withAccount = async (options?: Parameters<typeof createAccessHarness>[0]) => {
  const harness = await createAccessHarness(options);
  const { keys } = ok(await harness.account.create(OWNER, PASSWORD));
  return { ...harness, keys };
};

/**
 * Registers a new soft key (held from then on) and returns it with the session keys and any
 * recovery codes. A later key is confirmed by a touch of `confirmWith` (by default the key
 * held until then), and accepted without PRF when the vault warns about it.
 */
export const addSoftKey = async (
  harness: AccessHarness, keys: UnlockedKeys, prf: PrfSupport, name = `Key ${prf}`, confirmWith = harness.ceremonies.held(),
) => {
  const key: SoftKey = await createSoftKey(prf);
  harness.ceremonies.hold(key);
  if (confirmWith) harness.ceremonies.touchNext(confirmWith);
  const { recoveryCodes } = ok(await harness.account.addKey(keys, PASSWORD, name, OWNER.email, { acceptWithoutPrf: true }));
  const session = harness.session();
  if (!session) throw new Error('Adding a key left no session');
  return { key, keys: session, recoveryCodes };
};

/** The stored record of one registered key. */
export const storedKey = async (harness: AccessHarness, credentialId: string) => {
  const key = (await harness.vault()).secondFactor?.keys.find((candidate) => candidate.id === credentialId);
  if (!key) throw new Error(`Key ${credentialId} is not registered`);
  return key;
};
