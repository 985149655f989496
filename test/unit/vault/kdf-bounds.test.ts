import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLocketDb } from '../../../core/db/schema';
import { KDF_ITERATION_BOUNDS } from '../../../core/vault/kdf';
import type { VaultRecord } from '../../../core/vault/types';
import { createVault } from '../../../core/vault/vault';
import { createVaultRepo } from '../../../core/vault/vault-repo';
import { parseVaultRecord } from '../../../core/vault/vault-schema';
import { TEST_ITERATIONS, testDeps } from './helpers';

const PASSWORD = 'harbour lights at dusk';

/** A vault as stored, with its iteration count changed the way an edited profile would have it. */
const storedWithIterations = async (iterations: number): Promise<VaultRecord> => {
  const { record } = await createVault(PASSWORD, testDeps(), TEST_ITERATIONS);
  return { ...record, kdf: { ...record.kdf, iterations } };
};

describe('stored key-derivation parameters', () => {
  it('are accepted from 600,000 to 10,000,000 iterations', async () => {
    expect(KDF_ITERATION_BOUNDS).toEqual({ min: 600_000, max: 10_000_000 });
    for (const iterations of [600_000, 10_000_000]) {
      expect(parseVaultRecord(await storedWithIterations(iterations)).ok).toBe(true);
    }
  });

  it('are refused outside those bounds with a message that gives the numbers', async () => {
    for (const iterations of [1, 599_999, 10_000_001, 2 ** 31]) {
      const parsed = parseVaultRecord(await storedWithIterations(iterations));
      expect(parsed).toEqual({ ok: false, error: expect.stringContaining('600,000 to 10,000,000') });
      if (!parsed.ok) expect(parsed.error).toContain(iterations.toLocaleString('en-GB'));
    }
  });

  it('are never used: loading such a vault is refused, so no unlock derives a key with them', async () => {
    const db = await openLocketDb(new IDBFactory(), 'kdf-bounds-test');
    await db.put('vault', await storedWithIterations(1), 'vault');
    await expect(createVaultRepo(db).load()).rejects.toThrow(/600,000 to 10,000,000/);
    db.close();
  });
});
