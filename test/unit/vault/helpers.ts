import { createManualClock, type ManualClock } from '../../../core/clock';
import { defaultVaultDeps, type VaultDeps } from '../../../core/vault/deps';
import { KDF_ITERATION_BOUNDS, type KdfBounds } from '../../../core/vault/kdf';
import type { Bytes, RegisteredKey } from '../../../core/vault/types';

/** Low enough to keep tests fast; one test checks the real default separately. */
export const TEST_ITERATIONS = 1_000;
/** The stored-parameter bounds with the floor lowered to TEST_ITERATIONS; the ceiling is the real one. */
export const TEST_KDF_BOUNDS: KdfBounds = { ...KDF_ITERATION_BOUNDS, min: TEST_ITERATIONS };

export const testDeps = (clock: ManualClock = createManualClock(Date.UTC(2025, 0, 1))): VaultDeps & { readonly clock: ManualClock } =>
  ({ ...defaultVaultDeps(), clock });

export const randomBytes = (n: number): Bytes => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** A registered credential as the options page would store it after verifying its attestation. */
export const registeredKey = (id: string, prf: boolean, createdAt = 0): RegisteredKey => ({
  id, name: `Key ${id}`, publicKey: randomBytes(77), signCount: 0, transports: ['usb'], prf, createdAt,
  lastUsedAt: null, counterRegressionAt: null,
});

/** The success value, or a failure that names the error. */
export const ok = <T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }): T => {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
};

/** A copy with one bit of one byte flipped. */
export const flipped = (bytes: Bytes, index = 0): Bytes => {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] ?? 0) ^ 1;
  return copy;
};
