import { describe, expect, it } from 'vitest';
import type { VaultRecord } from '../../../core/vault/types';
import {
  addKey, createVault, regenerateRecoveryCodes, removeKey, unlockWithPrf, unlockWithRecoveryCode, unlockWithVerifiedKey,
} from '../../../core/vault/vault';
import { TEST_ITERATIONS, ok, randomBytes, registeredKey, testDeps } from './helpers';

const PASSWORD = 'pebble under the bridge';

/** Key A and key B with PRF, key C without: each PRF output stands for what that authenticator returns. */
const vaultWithThreeKeys = async () => {
  const deps = testDeps();
  const created = await createVault(PASSWORD, deps, TEST_ITERATIONS);
  const prfA = randomBytes(32);
  const prfB = randomBytes(32);
  const withA = ok(await addKey(created.record, created.keys, PASSWORD, registeredKey('key-a', true), prfA, deps));
  const withB = ok(await addKey(withA.record, withA.keys, PASSWORD, registeredKey('key-b', true), prfB, deps));
  const withC = ok(await addKey(withB.record, withB.keys, PASSWORD, registeredKey('key-c', false), null, deps));
  return { deps, prfA, prfB, codes: withA.recoveryCodes ?? [], record: withC.record, keys: withC.keys };
};

/** The current record with one slot of an earlier copy put back, as someone holding that copy would try. */
const withOldPrfSlot = (current: VaultRecord, earlier: VaultRecord, credentialId: string): VaultRecord => {
  const now = current.secondFactor!;
  const then = earlier.secondFactor!;
  const key = then.keys.find((candidate) => candidate.id === credentialId)!;
  return {
    ...current,
    secondFactor: { ...now, keys: [...now.keys, key], prfSlots: { ...now.prfSlots, [credentialId]: then.prfSlots[credentialId]! } },
  };
};

const withOldRecovery = (current: VaultRecord, earlier: VaultRecord): VaultRecord => ({
  ...current,
  secondFactor: { ...current.secondFactor!, recovery: earlier.secondFactor!.recovery },
});

describe('removing a key moves the vault to a new factor secret', () => {
  it('so the removed key, with its slot from an earlier copy, no longer opens the vault', async () => {
    const { deps, prfB, record, keys } = await vaultWithThreeKeys();
    expect(ok(await unlockWithPrf(withOldPrfSlot(record, record, 'key-b'), PASSWORD, 'key-b', prfB, deps))).toEqual(keys);
    const removed = ok(await removeKey(record, keys, PASSWORD, 'key-b', deps));
    expect(removed.keys.accountKey).toEqual(keys.accountKey);
    expect(removed.keys.factorSecret).not.toEqual(keys.factorSecret);
    const spliced = withOldPrfSlot(removed.record, record, 'key-b');
    expect(await unlockWithPrf(spliced, PASSWORD, 'key-b', prfB, deps)).toEqual({ ok: false, error: 'wrong-password-or-key' });
  });

  it('while every remaining key and every unused recovery code still opens it, without the other keys in hand', async () => {
    const { deps, prfA, codes, record, keys } = await vaultWithThreeKeys();
    const used = ok(await unlockWithRecoveryCode(record, PASSWORD, codes[0]!, deps));
    const removed = ok(await removeKey(used.record, keys, PASSWORD, 'key-b', deps));
    expect(ok(await unlockWithPrf(removed.record, PASSWORD, 'key-a', prfA, deps))).toEqual(removed.keys);
    expect(ok(await unlockWithVerifiedKey(removed.record, PASSWORD, deps))).toEqual(removed.keys);
    expect(ok(await unlockWithRecoveryCode(removed.record, PASSWORD, codes[1]!, deps)).keys).toEqual(removed.keys);
    expect(await unlockWithRecoveryCode(removed.record, PASSWORD, codes[0]!, deps)).toEqual({ ok: false, error: 'code-used' });
  });

  it('and the old recovery codes, put back from an earlier copy, no longer open it', async () => {
    const { deps, codes, record, keys } = await vaultWithThreeKeys();
    const removed = ok(await removeKey(record, keys, PASSWORD, 'key-c', deps));
    const spliced = withOldRecovery(removed.record, record);
    expect(await unlockWithRecoveryCode(spliced, PASSWORD, codes[2]!, deps)).toEqual({ ok: false, error: 'wrong-password-or-code' });
  });
});

describe('new recovery codes move the vault to a new factor secret', () => {
  it('so the old codes, put back from an earlier copy, no longer open it, and every key still does', async () => {
    const { deps, prfA, prfB, codes, record, keys } = await vaultWithThreeKeys();
    const regenerated = ok(await regenerateRecoveryCodes(record, keys, PASSWORD, deps));
    expect(regenerated.keys.factorSecret).not.toEqual(keys.factorSecret);
    const spliced = withOldRecovery(regenerated.record, record);
    expect(await unlockWithRecoveryCode(spliced, PASSWORD, codes[0]!, deps)).toEqual({ ok: false, error: 'wrong-password-or-code' });
    expect(ok(await unlockWithRecoveryCode(regenerated.record, PASSWORD, regenerated.codes[0]!, deps)).keys).toEqual(regenerated.keys);
    expect(ok(await unlockWithPrf(regenerated.record, PASSWORD, 'key-a', prfA, deps))).toEqual(regenerated.keys);
    expect(ok(await unlockWithPrf(regenerated.record, PASSWORD, 'key-b', prfB, deps))).toEqual(regenerated.keys);
    expect(ok(await unlockWithVerifiedKey(regenerated.record, PASSWORD, deps))).toEqual(regenerated.keys);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const { deps, record, keys } = await vaultWithThreeKeys();
    expect(await regenerateRecoveryCodes(record, keys, 'pebble under the bridges', deps)).toEqual({ ok: false, error: 'wrong-password' });
  });
});
