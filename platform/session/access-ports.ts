import { createAuditLog } from '../../core/audit/audit-log';
import { systemClock } from '../../core/clock';
import { createChallengeLedger } from '../../core/security/challenges';
import { createLoginLog } from '../../core/security/login-log';
import { describeUserAgent } from './user-agent';
import { relyingPartyForExtension } from '../../core/security/relying-party';
import { createIdFactory } from '../../core/ids';
import type { LocketDatabase } from '../../core/db/schema';
import type { AccessPorts, KeyCeremonies } from '../../core/vault/access-ports';
import { defaultVaultDeps } from '../../core/vault/deps';
import { createVaultRepo } from '../../core/vault/vault-repo';
import { openStoredData } from '../../core/store/open-stored-data';
import { rotateStoredData } from '../../core/vault/rotate-stored-data';
import { readThrottle, writeSessionKeys, writeThrottle } from './session';
import { createSessionAuditKeys } from './session-audit-keys';
import { authenticate, registerKey } from '../webauthn/webauthn-ceremony';

const ceremonies: KeyCeremonies = {
  authenticate: async (input) => {
    const result = await authenticate(input);
    return result.ok ? result : { ok: false, error: { code: result.error.code, detail: result.error.detail } };
  },
  register: async (input) => {
    const result = await registerKey(input);
    return result.ok ? result : { ok: false, error: { code: result.error.code, detail: result.error.detail } };
  },
};

/** One name for the whole profile: every page and the background share the extension's origin. */
const UNLOCK_LOCK = 'locket:unlock';

/**
 * Web Locks resolve with what the task returned, so the task's own promise is unwrapped here
 * (the DOM typings would nest it). A page that closes while holding the lock hands it on.
 */
const unlockOneAtATime = <T>(task: () => Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    navigator.locks.request(UNLOCK_LOCK, () => task().then(resolve, reject)).catch(reject);
  });

/** What unlocking and account changes need, wired to this extension page. */
export const createPageAccessPorts = (db: LocketDatabase): AccessPorts => {
  const deps = defaultVaultDeps();
  return {
    vaults: createVaultRepo(db),
    logins: createLoginLog(db, systemClock, createIdFactory(systemClock)),
    audit: createAuditLog({ db, clock: systemClock, keys: createSessionAuditKeys() }),
    throttle: { read: readThrottle, write: writeThrottle },
    openData: (keys) => openStoredData(db, keys, systemClock),
    rotateData: async (rotation) => { await rotateStoredData(db, systemClock, rotation); },
    session: { write: (keys) => writeSessionKeys(keys, systemClock.now()) },
    oneAtATime: unlockOneAtATime,
    ceremonies,
    // Both are large: only a page that unlocks with a key or changes factors loads them.
    verifier: () => import('../../core/security/webauthn-verify'),
    passwordPolicy: () => import('../../core/security/password-policy').then((module) => module.checkPassword),
    ledger: createChallengeLedger({ clock: systemClock, randomBytes: deps.randomBytes }),
    relyingParty: relyingPartyForExtension(location.origin),
    client: describeUserAgent(navigator.userAgent),
    deps,
  };
};
