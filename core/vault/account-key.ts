/**
 * Drawing a new account key for a vault. Removing a key or replacing the recovery codes
 * moves the vault to a new factor secret (factor-secret.ts), but an earlier copy of the
 * vault record still wraps the old account key under the old factor secret, and the rows
 * stay encrypted under it: with that copy, the password and the removed key (or an old
 * code), the data would still open. A new account key, with every row re-encrypted under it
 * (rotate-stored-data.ts), closes that: the old account key then opens nothing current.
 *
 * This step only builds the new vault record; it is written in the same transaction as the
 * re-encrypted rows, so the stored wrapped key always matches the rows.
 */
import type { VaultDeps } from './deps';
import { vaultError } from './errors';
import { escrowSlotKeys, openEscrow } from './factor-secret';
import { SECRET_BYTES, confirmPassword, wrapAccountKey } from './keys';
import type { Bytes, UnlockedKeys, VaultRecord } from './types';

export interface NewAccountKey {
  readonly record: VaultRecord;
  readonly keys: UnlockedKeys;
}

/**
 * `record` and `keys` are the vault as a factor change left it (new factor secret, same
 * account key); the result wraps a fresh account key under the same KEK and escrows every
 * slot key under it. Returns null when the password is wrong.
 */
export const drawNewAccountKey = async (
  record: VaultRecord, keys: UnlockedKeys, password: string, deps: VaultDeps,
): Promise<NewAccountKey | null> => {
  const passwordKey = await confirmPassword(record, keys, password, deps);
  if (passwordKey === null) return null;
  const accountKey = deps.randomBytes(SECRET_BYTES);
  const wrappedAccountKey = await wrapAccountKey(accountKey, passwordKey, keys.factorSecret, deps);
  const secondFactor = record.secondFactor;
  if (secondFactor === null) {
    return { record: { ...record, wrappedAccountKey }, keys: { accountKey, factorSecret: null } };
  }
  const slotKeys = new Map<string, Bytes>();
  for (const slotId of Object.keys(secondFactor.slotKeys)) {
    const slotKey = await openEscrow(keys.accountKey, secondFactor, slotId, deps);
    // Every escrow was sealed under this account key: one that does not open is a damaged record, not a choice.
    if (slotKey === null) throw vaultError('keys-mismatch', `The escrowed key of slot ${slotId} does not open`);
    slotKeys.set(slotId, slotKey);
  }
  return {
    record: { ...record, wrappedAccountKey, secondFactor: { ...secondFactor, slotKeys: await escrowSlotKeys(accountKey, slotKeys, deps) } },
    keys: { accountKey, factorSecret: keys.factorSecret },
  };
};
