import { createAuditLog } from '../../core/audit/audit-log';
import { systemClock } from '../../core/clock';
import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb, type LocketDatabase } from '../../core/db/schema';
import { createAccess, type Access } from '../../core/vault/access';
import type { AccessPorts } from '../../core/vault/access-ports';
import { createAccountManager, type AccountManager } from '../../core/vault/account';
import { createAccountCancellation, type AccountCancellation } from '../../core/account/account-cancellation';
import { createPageAccessPorts } from '../session/access-ports';
import { createSessionAuditKeys } from '../session/session-audit-keys';
import type { SecurityServices } from './services';
import { lockSession, readLockPolicy, readSessionKeys, writeLockPolicy } from '../session/session';
import { readTimeMark } from '../../worker/sweep/time-mark';
import { takeEarlyOpen } from '../early-open/early-open';

/** The gate's own connection to the account's database, and everything it builds on it. */
export interface GateConnection {
  readonly db: LocketDatabase;
  readonly ports: AccessPorts;
  readonly access: Access;
  readonly account: AccountManager;
  readonly cancellation: AccountCancellation;
  /**
   * False once the browser asked this connection to close (the database is being deleted by
   * a sweep, or upgraded): it is closed by then, and the gate must open a new one.
   */
  readonly isOpen: () => boolean;
}

/** Opens the database (or takes the one the page started opening first); `onClosed` runs when the browser takes the connection away. */
export const openGateConnection = async (onClosed: () => void): Promise<GateConnection> => {
  const db = await takeEarlyOpen() ?? await openLocketDb(indexedDB, LOCKET_DB_NAME);
  let open = true;
  // schema.ts closes the connection on this event; this only notes that it happened.
  db.addEventListener('versionchange', () => { open = false; onClosed(); });
  const ports = createPageAccessPorts(db);
  return {
    db,
    ports,
    access: createAccess(ports),
    account: createAccountManager(ports),
    cancellation: createAccountCancellation({
      db, ports, audit: createAuditLog({ db, clock: systemClock, keys: createSessionAuditKeys() }), clock: systemClock, lockSession,
      readTimeMark: () => readTimeMark(db),
    }),
    isOpen: () => open,
  };
};

/**
 * What the settings page's security sections get, on this connection. Removing a key and
 * replacing the recovery codes move the session to a new account key: `followKeys` (the gate's
 * own) has this page's services follow before the change reports back, so nothing the page
 * does next reads through services on the old key.
 */
export const securityServicesFor = (
  { ports, account, cancellation }: GateConnection, followKeys: () => Promise<void> = async () => undefined,
): SecurityServices => ({
  vault: () => ports.vaults.load(),
  account: {
    ...account,
    removeKey: async (...args) => {
      const result = await account.removeKey(...args);
      if (result.ok) await followKeys();
      return result;
    },
    regenerateRecoveryCodes: async (...args) => {
      const result = await account.regenerateRecoveryCodes(...args);
      if (result.ok) await followKeys();
      return result;
    },
  },
  sessionKeys: readSessionKeys,
  lockNow: lockSession,
  lockPolicy: { read: readLockPolicy, write: writeLockPolicy },
  logins: ports.logins,
  passwordPolicy: ports.passwordPolicy,
  cancelAccount: cancellation.cancel,
});
