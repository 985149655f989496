import type { LocketDatabase } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { KDF_ITERATION_BOUNDS, type KdfBounds } from './kdf';
import type { VaultRecord } from './types';
import { parseVaultRecord } from './vault-schema';

/** The one row of the `vault` store; a write that must commit with others puts the record here itself. */
export const VAULT_KEY = 'vault';

export interface VaultRepo {
  /** undefined before the account exists. Rejects if what is stored is not a vault (never cast). */
  readonly load: () => Promise<VaultRecord | undefined>;
  readonly save: (record: VaultRecord) => Promise<void>;
}

/** `kdfBounds` are lowered only by tests, whose vaults are stretched less to run fast. */
export const createVaultRepo = (db: LocketDatabase, kdfBounds: KdfBounds = KDF_ITERATION_BOUNDS): VaultRepo => ({
  load: async () => {
    const stored = await db.get('vault', VAULT_KEY);
    if (stored === undefined) return undefined;
    const parsed = parseVaultRecord(stored, kdfBounds);
    if (!parsed.ok) throw new Error(`The stored vault cannot be read: ${parsed.error}`);
    return parsed.value;
  },
  // Through the one write path, so a full disk is a typed storage-full error, not the browser's own.
  save: async (record) => {
    await writeTransaction(db, ['vault'], (tx) => tx.objectStore('vault').put(record, VAULT_KEY));
  },
});
