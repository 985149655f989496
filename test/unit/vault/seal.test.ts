import { describe, expect, it } from 'vitest';
import { isVaultError } from '../../../core/vault/errors';
import { hkdf, open, seal } from '../../../core/vault/seal';
import { flipped, randomBytes, testDeps } from './helpers';

const deps = testDeps();
const key = randomBytes(32);
const message = new TextEncoder().encode('the account key, or any secret');
const label = new TextEncoder().encode('locket/test');

const expectDecryptFailed = async (opening: Promise<unknown>) => {
  const error: unknown = await opening.then(() => null, (e: unknown) => e);
  expect(isVaultError(error, 'decrypt-failed')).toBe(true);
};

describe('seal and open', () => {
  it('round-trips, with and without additional data', async () => {
    expect(await open(key, await seal(key, message, deps), deps)).toEqual(message);
    expect(await open(key, await seal(key, message, deps, label), deps, label)).toEqual(message);
  });

  it('uses a fresh 96-bit IV every call', async () => {
    const a = await seal(key, message, deps);
    const b = await seal(key, message, deps);
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.data).not.toEqual(b.data);
  });

  it('refuses a wrong key', async () => {
    await expectDecryptFailed(open(randomBytes(32), await seal(key, message, deps), deps));
  });

  it('refuses any altered byte of the ciphertext, the tag or the IV', async () => {
    const sealed = await seal(key, message, deps);
    await expectDecryptFailed(open(key, { ...sealed, data: flipped(sealed.data, 3) }, deps));
    await expectDecryptFailed(open(key, { ...sealed, data: flipped(sealed.data, sealed.data.length - 1) }, deps));
    await expectDecryptFailed(open(key, { ...sealed, iv: flipped(sealed.iv) }, deps));
  });

  it('refuses when the additional data differs', async () => {
    const sealed = await seal(key, message, deps, label);
    await expectDecryptFailed(open(key, sealed, deps));
    await expectDecryptFailed(open(key, sealed, deps, new TextEncoder().encode('locket/other')));
  });

  it('refuses a key that is not 256 bits', async () => {
    const error: unknown = await seal(randomBytes(16), message, deps).catch((e: unknown) => e);
    expect(isVaultError(error, 'invalid-input')).toBe(true);
  });
});

describe('hkdf', () => {
  it('derives the same bytes for the same input and purpose, other bytes for another purpose', async () => {
    const ikm = randomBytes(32);
    const a = await hkdf(ikm, 'locket/a', 32, deps);
    expect(a).toHaveLength(32);
    expect(await hkdf(ikm, 'locket/a', 32, deps)).toEqual(a);
    expect(await hkdf(ikm, 'locket/b', 32, deps)).not.toEqual(a);
    expect(await hkdf(randomBytes(32), 'locket/a', 32, deps)).not.toEqual(a);
    expect(await hkdf(ikm, 'locket/a', 16, deps)).toHaveLength(16);
  });
});
