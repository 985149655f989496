/**
 * The vault: what unlocks the account key. Persisted in the clear in IndexedDB (`vault`
 * store): salts, parameters, wrapped keys, public keys and credential ids. None of it lets
 * anyone read a record without the password (and, with PRF keys, the key in hand).
 *
 * Key hierarchy:
 *   passwordKey = PBKDF2-SHA256(NFKC(password), kdf.salt, kdf.iterations)
 *   without a second factor:  KEK = HKDF(passwordKey, info "locket/kek/password")
 *   with a second factor:     KEK = HKDF(passwordKey ‖ factorSecret, info "locket/kek/two-factor")
 *   wrappedAccountKey = AES-GCM(KEK, accountKey)
 * factorSecret is a random 256-bit value, wrapped once per way of proving the second factor:
 *   by each PRF credential's output, by each recovery code, and — only while a key without
 *   PRF is registered — by passwordKey (then the assertion's verification is the gate, and
 *   the password alone opens the data). Removing a key or replacing the recovery codes draws
 *   a new factorSecret, so a secret learnt through the removed key or an old code stops working,
 *   and a new accountKey with every stored value re-encrypted under it, so an account key
 *   learnt from an earlier copy of the vault opens nothing current (account-key.ts).
 * Changing the password rewraps the account key (and the password slot); records are untouched.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface KdfParams {
  readonly algorithm: 'PBKDF2-SHA256';
  readonly iterations: number;
  readonly salt: Bytes;
}

/** AES-GCM ciphertext with its 96-bit IV. */
export interface Sealed {
  readonly iv: Bytes;
  readonly data: Bytes;
}

export interface RegisteredKey {
  /** base64url credential id. */
  readonly id: string;
  /** The name the owner gave it. */
  readonly name: string;
  /** COSE public key. */
  readonly publicKey: Bytes;
  readonly signCount: number;
  readonly transports: readonly string[];
  /** True when the authenticator gave a PRF output at registration; its output then wraps the factor secret. */
  readonly prf: boolean;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** Set when an assertion came with a sign counter lower than the stored one (a possible clone). */
  readonly counterRegressionAt: number | null;
}

export interface RecoverySlot {
  /** SHA-256 of the normalised code, hex: identifies the slot without storing the code. */
  readonly codeHash: string;
  readonly wrappedFactorSecret: Sealed;
  readonly usedAt: number | null;
}

export interface SecondFactor {
  readonly keys: readonly RegisteredKey[];
  /** PRF salt every credential is evaluated with. */
  readonly prfSalt: Bytes;
  /** credential id → factor secret wrapped by that credential's PRF output. */
  readonly prfSlots: Readonly<Record<string, Sealed>>;
  /** Present only while a key without PRF is registered. */
  readonly passwordSlot: Sealed | null;
  readonly recovery: readonly RecoverySlot[];
  /**
   * Slot id (slotIds in factor-secret.ts) → that slot's key, sealed under a key derived from
   * the account key. It lets an unlocked vault move every slot to a new factor secret without
   * every key in hand. Empty for slots made before it existed.
   */
  readonly slotKeys: Readonly<Record<string, Sealed>>;
}

export interface VaultRecord {
  readonly version: 1;
  readonly kdf: KdfParams;
  readonly wrappedAccountKey: Sealed;
  readonly secondFactor: SecondFactor | null;
  readonly createdAt: number;
  readonly passwordChangedAt: number;
}

/** What an unlocked session holds in memory (storage.session), never on disk. */
export interface UnlockedKeys {
  readonly accountKey: Bytes;
  /** Needed to add or remove factors and to change the password without every key at hand. */
  readonly factorSecret: Bytes | null;
}
