import type { RegisteredKey } from './types';

/**
 * What the registered keys add to the password, judged by the weakest of them: one key
 * without PRF puts a password slot in the vault, and then the password alone opens the data
 * for anyone holding a copy of the profile; the key is checked only by Locket's own code.
 */
export type VaultProtection = 'password-only' | 'key-checked-at-unlock' | 'key-protects-data';

export const vaultProtection = (keys: readonly RegisteredKey[]): VaultProtection =>
  keys.length === 0 ? 'password-only' : keys.every((key) => key.prf) ? 'key-protects-data' : 'key-checked-at-unlock';
