import { LOCKET_DB_NAME } from '../../core/db/db-name';
import { openLocketDb } from '../../core/db/schema';
import { createAccountManager } from '../../core/vault/account';
import type { Bytes, UnlockedKeys } from '../../core/vault/types';
import { createPageAccessPorts } from '../../platform/session/access-ports';
import { readSessionKeys, writeLockPolicy } from '../../platform/session/session';
import { BENCH_PASSWORD } from '../../test/bench/bench-api';

const BENCH_OWNER = { name: 'Bench Owner', email: 'owner@bench.invalid' };

/**
 * Creates the account on a freshly wiped database, exactly as first-run setup does, which
 * leaves the session unlocked for every surface. Auto-lock is turned off so the session
 * outlasts a long run.
 */
export const createBenchAccount = async (): Promise<UnlockedKeys> => {
  const db = await openLocketDb(indexedDB, LOCKET_DB_NAME);
  try {
    const created = await createAccountManager(createPageAccessPorts(db)).create(BENCH_OWNER, BENCH_PASSWORD);
    if (!created.ok) throw new Error(`Creating the bench account was refused: ${JSON.stringify(created.error)}`);
    await writeLockPolicy({ idleMinutes: null });
    return created.value.keys;
  } finally {
    db.close();
  }
};

/** The unlocked session's account key, as any surface reads it. */
export const sessionAccountKey = async (): Promise<Bytes> => {
  const keys = await readSessionKeys();
  if (!keys) throw new Error('The session is locked: seed first (seeding creates the account and unlocks it)');
  return keys.accountKey;
};
