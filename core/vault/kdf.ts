import { normalisePassword } from '../security/normalise-password';
import { utf8 } from './bytes';
import type { VaultDeps } from './deps';
import type { Bytes, KdfParams } from './types';

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023), also the floor DESIGN.md sets. */
export const DEFAULT_KDF_ITERATIONS = 600_000;

/**
 * What a stored vault may ask for. Fewer iterations than the floor would mean a weakened (or
 * altered) vault; more than the ceiling would hang every unlock. Outside them a vault is
 * refused, never used. The floor stays put when the default rises, so old vaults still open
 * and are re-stretched at their next unlock.
 */
export interface KdfBounds {
  readonly min: number;
  readonly max: number;
}
export const KDF_ITERATION_BOUNDS: KdfBounds = { min: 600_000, max: 10_000_000 };

const SALT_BYTES = 16;
const KEY_BITS = 256;

export const newKdfParams = (
  deps: Pick<VaultDeps, 'randomBytes'>,
  iterations: number = DEFAULT_KDF_ITERATIONS,
): KdfParams => ({ algorithm: 'PBKDF2-SHA256', iterations, salt: deps.randomBytes(SALT_BYTES) });

/**
 * The same password typed on any keyboard or platform must give the same key, so it is
 * NFKC-normalised first; the whole UTF-8 string is stretched, never a prefix of it.
 */
export const derivePasswordKey = async (
  password: string,
  params: KdfParams,
  deps: Pick<VaultDeps, 'subtle'>,
): Promise<Bytes> => {
  const material = await deps.subtle.importKey('raw', utf8(normalisePassword(password)), 'PBKDF2', false, ['deriveBits']);
  const bits = await deps.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: params.salt, iterations: params.iterations },
    material,
    KEY_BITS,
  );
  return new Uint8Array(bits);
};

/** True when the record was stretched with fewer iterations than today's default: rewrap at the next unlock. */
export const needsKdfUpgrade = (params: KdfParams): boolean => params.iterations < DEFAULT_KDF_ITERATIONS;
