import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { VaultRecord } from '../../../core/vault/types';
import { addKey, createVault, unlockWithPrf } from '../../../core/vault/vault';
import { parseVaultRecord } from '../../../core/vault/vault-schema';
import { TEST_ITERATIONS, TEST_KDF_BOUNDS, ok, randomBytes, registeredKey, testDeps } from './helpers';

/** These vaults are stretched with TEST_ITERATIONS, so the floor is lowered to match. */
const parseTestVault = (input: unknown) => parseVaultRecord(input, TEST_KDF_BOUNDS);

const PASSWORD = 'copper kettle song';

const vaultWithKeys = async () => {
  const deps = testDeps();
  const created = await createVault(PASSWORD, deps, TEST_ITERATIONS);
  const prfOutput = randomBytes(32);
  const withA = ok(await addKey(created.record, created.keys, PASSWORD, registeredKey('key-a', true), prfOutput, deps));
  const withB = ok(await addKey(withA.record, withA.keys, PASSWORD, registeredKey('key-b', false), null, deps));
  return { deps, created, prfOutput, record: withB.record, keys: withB.keys };
};

/** The parse error, failing the test if the record was accepted. */
const refusal = (input: unknown): string => {
  const result = parseTestVault(input);
  if (result.ok) throw new Error('expected the record to be refused');
  return result.error;
};

describe('parseVaultRecord', () => {
  it('accepts a created vault and one with keys and recovery codes, unchanged', async () => {
    const { created, record } = await vaultWithKeys();
    expect(ok(parseTestVault(structuredClone(created.record)))).toEqual(created.record);
    expect(ok(parseTestVault(structuredClone(record)))).toEqual(record);
  });

  it('reads back from IndexedDB a record that still unlocks', async () => {
    const { deps, record, keys, prfOutput } = await vaultWithKeys();
    const db = await openDB('vault-schema-test', 1, { upgrade: (database) => database.createObjectStore('vault') });
    await db.put('vault', record, 'vault');
    const stored: unknown = await db.get('vault', 'vault');
    db.close();
    const parsed = ok(parseTestVault(stored));
    expect(ok(await unlockWithPrf(parsed, PASSWORD, 'key-a', prfOutput, deps))).toEqual(keys);
  });

  it('reads a vault stored before slot keys were escrowed as having none, and it still unlocks', async () => {
    const { deps, record, keys, prfOutput } = await vaultWithKeys();
    const { slotKeys: _escrowed, ...older } = record.secondFactor!;
    const parsed = ok(parseTestVault(structuredClone({ ...record, secondFactor: older })));
    expect(parsed.secondFactor?.slotKeys).toEqual({});
    expect(ok(await unlockWithPrf(parsed, PASSWORD, 'key-a', prfOutput, deps))).toEqual(keys);
  });

  it('refuses wrong shapes: a missing wrapped key, bytes stored as a plain array, another version', async () => {
    const { created } = await vaultWithKeys();
    expect(refusal({ ...created.record, wrappedAccountKey: undefined })).toMatch(/wrappedAccountKey/);
    expect(refusal({ ...created.record, kdf: { ...created.record.kdf, salt: Array.from(created.record.kdf.salt) } })).toMatch(/kdf\.salt/);
    expect(refusal({ ...created.record, version: 2 })).toMatch(/version/);
    expect(refusal({ ...created.record, wrappedAccountKey: { ...created.record.wrappedAccountKey, iv: randomBytes(8) } })).toMatch(/iv/);
  });

  it('refuses a second factor whose slots do not match its keys', async () => {
    const { record } = await vaultWithKeys();
    const secondFactor = record.secondFactor!;
    const withFactor = (change: Partial<typeof secondFactor>): VaultRecord => ({ ...record, secondFactor: { ...secondFactor, ...change } });
    expect(refusal(withFactor({ prfSlots: {} }))).toMatch(/PRF slot/);
    expect(refusal(withFactor({ passwordSlot: null }))).toMatch(/password slot/);
    expect(refusal(withFactor({ keys: [] }))).toMatch(/at least one key/);
  });
});
