import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_ITERATIONS, derivePasswordKey, needsKdfUpgrade, newKdfParams } from '../../../core/vault/kdf';
import { createVault, unlockWithPassword } from '../../../core/vault/vault';
import { TEST_ITERATIONS, ok, testDeps } from './helpers';

const deps = testDeps();
const params = newKdfParams(deps, TEST_ITERATIONS);
const derive = (password: string, kdf = params) => derivePasswordKey(password, kdf, deps);

describe('derivePasswordKey', () => {
  it('gives the same 32-byte key for the same password and salt', async () => {
    const first = await derive('correct horse battery staple');
    expect(first).toHaveLength(32);
    expect(await derive('correct horse battery staple')).toEqual(first);
  });

  it('gives a different key under another salt or another password', async () => {
    const key = await derive('correct horse battery staple');
    expect(await derive('correct horse battery staple', newKdfParams(deps, TEST_ITERATIONS))).not.toEqual(key);
    expect(await derive('correct horse battery stapler')).not.toEqual(key);
  });

  it('treats a ligature and its letters as the same password (NFKC)', async () => {
    expect(await derive('\uFB01sh and chips')).toEqual(await derive('fish and chips'));
  });

  it('treats composed and decomposed accents as the same password', async () => {
    expect(await derive('caf\u00E9 cr\u00E8me')).toEqual(await derive('cafe\u0301 cre\u0300me'));
  });

  it('uses every character of a long password, never a prefix', async () => {
    const base = 'a'.repeat(99);
    expect(await derive(`${base}x`)).not.toEqual(await derive(`${base}y`));
    const long = 'mot de passe très long '.repeat(9).slice(0, 200);
    expect(long).toHaveLength(200);
    expect(await derive(long)).not.toEqual(await derive(long.slice(0, 199)));
  });
});

describe('KDF parameters', () => {
  it('draws a fresh 16-byte salt every time', () => {
    const a = newKdfParams(deps);
    const b = newKdfParams(deps);
    expect(a.salt).toHaveLength(16);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.iterations).toBe(DEFAULT_KDF_ITERATIONS);
  });

  it('asks for an upgrade only below the default', () => {
    expect(needsKdfUpgrade({ ...params, iterations: 310_000 })).toBe(true);
    expect(needsKdfUpgrade({ ...params, iterations: DEFAULT_KDF_ITERATIONS })).toBe(false);
  });

  it('stretches a new vault with at least 600,000 PBKDF2 iterations by default, and unlocks with them', async () => {
    const { record, keys } = await createVault('a perfectly fine password', deps);
    expect(record.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(needsKdfUpgrade(record.kdf)).toBe(false);
    expect(ok(await unlockWithPassword(record, 'a perfectly fine password', deps)).accountKey).toEqual(keys.accountKey);
  });
});
