import { toHex, utf8 } from './bytes';
import type { VaultDeps } from './deps';
import { hkdf, seal } from './seal';
import type { Bytes, RecoverySlot, Sealed } from './types';

export const RECOVERY_CODE_COUNT = 10;
/** 80 random bits: 16 base32 characters. */
const CODE_BYTES = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const NORMALISED_CODE = /^[A-Z2-7]{16}$/;

const base32 = (bytes: Bytes): string => {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
  }
  return out;
};

/** "ABCD-EFGH-IJKL-MNOP": four groups of four, easier to read out and type. */
const formatCode = (normalised: string): string => normalised.match(/.{4}/g)?.join('-') ?? normalised;

/** Upper-case, spaces and dashes dropped; null when what remains cannot be a code. */
export const normaliseRecoveryCode = (code: string): string | null => {
  const normalised = code.toUpperCase().replace(/[\s-]/g, '');
  return NORMALISED_CODE.test(normalised) ? normalised : null;
};

/** Identifies a slot without storing the code. */
export const recoveryCodeHash = async (normalised: string, deps: Pick<VaultDeps, 'subtle'>): Promise<string> =>
  toHex(new Uint8Array(await deps.subtle.digest('SHA-256', utf8(normalised))));

/** 80 random bits need no stretching: guessing one is out of reach even offline. */
export const recoverySlotKey = (normalised: string, deps: Pick<VaultDeps, 'subtle'>): Promise<Bytes> =>
  hkdf(utf8(normalised), 'locket/recovery', 32, deps);

/** The slot's additional data ties its sealed secret to its hash, so slots cannot be swapped. */
export const recoverySlotData = (codeHash: string): Bytes => utf8(`locket/recovery-slot/${codeHash}`);

export const sealRecoverySlot = (
  slotKey: Bytes, codeHash: string, factorSecret: Bytes, deps: Pick<VaultDeps, 'subtle' | 'randomBytes'>,
): Promise<Sealed> => seal(slotKey, factorSecret, deps, recoverySlotData(codeHash));

/**
 * Ten fresh codes, each wrapping the factor secret. The codes are shown once and never stored;
 * their slot keys are returned to be escrowed (factor-secret.ts), never stored in the clear.
 */
export const createRecoverySlots = async (
  factorSecret: Bytes,
  deps: Pick<VaultDeps, 'subtle' | 'randomBytes'>,
): Promise<{ readonly slots: readonly RecoverySlot[]; readonly codes: readonly string[]; readonly slotKeys: ReadonlyMap<string, Bytes> }> => {
  const normalisedCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => base32(deps.randomBytes(CODE_BYTES)));
  const slotKeys = new Map<string, Bytes>();
  const slots = await Promise.all(normalisedCodes.map(async (code): Promise<RecoverySlot> => {
    const codeHash = await recoveryCodeHash(code, deps);
    const key = await recoverySlotKey(code, deps);
    slotKeys.set(codeHash, key);
    return { codeHash, wrappedFactorSecret: await sealRecoverySlot(key, codeHash, factorSecret, deps), usedAt: null };
  }));
  return { slots, codes: normalisedCodes.map(formatCode), slotKeys };
};
