import { describe, expect, it } from 'vitest';
import { normaliseRecoveryCode } from '../../../core/vault/recovery-codes';
import type { VaultRecord } from '../../../core/vault/types';
import { addKey, createVault, regenerateRecoveryCodes, unlockWithRecoveryCode } from '../../../core/vault/vault';
import { TEST_ITERATIONS, ok, randomBytes, registeredKey, testDeps } from './helpers';

const PASSWORD = 'granite and moss';

const vaultWithCodes = async () => {
  const deps = testDeps();
  const created = await createVault(PASSWORD, deps, TEST_ITERATIONS);
  const added = ok(await addKey(created.record, created.keys, PASSWORD, registeredKey('key-a', true), randomBytes(32), deps));
  return { deps, record: added.record, keys: added.keys, codes: added.recoveryCodes ?? [] };
};

const refused = { ok: false, error: 'wrong-password-or-code' };

describe('recovery codes', () => {
  it('unlock once, typed in any case with spaces, and mark their slot used at that time', async () => {
    const { deps, record, keys, codes } = await vaultWithCodes();
    const typed = (codes[2] ?? '').toLowerCase().replace(/-/g, ' ');
    deps.clock.advance(5_000);
    const recovered = ok(await unlockWithRecoveryCode(record, PASSWORD, typed, deps));
    expect(recovered.keys).toEqual(keys);
    const usedAt = recovered.record.secondFactor?.recovery.map((slot) => slot.usedAt);
    expect(usedAt?.filter((at) => at !== null)).toEqual([deps.clock.now()]);
    expect(await unlockWithRecoveryCode(recovered.record, PASSWORD, codes[2] ?? '', deps)).toEqual({ ok: false, error: 'code-used' });
    expect(ok(await unlockWithRecoveryCode(recovered.record, PASSWORD, codes[3] ?? '', deps)).keys).toEqual(keys);
  });

  it('cannot be revived by clearing usedAt in the stored record', async () => {
    const { deps, record, codes } = await vaultWithCodes();
    const recovered = ok(await unlockWithRecoveryCode(record, PASSWORD, codes[0] ?? '', deps));
    const secondFactor = recovered.record.secondFactor!;
    const revived: VaultRecord = {
      ...recovered.record,
      secondFactor: { ...secondFactor, recovery: secondFactor.recovery.map((slot) => ({ ...slot, usedAt: null })) },
    };
    expect(await unlockWithRecoveryCode(revived, PASSWORD, codes[0] ?? '', deps)).toEqual(refused);
  });

  it('refuse a wrong code, a malformed one, or a right code with a wrong password', async () => {
    const { deps, record, codes } = await vaultWithCodes();
    expect(await unlockWithRecoveryCode(record, PASSWORD, 'AAAA-BBBB-CCCC-DDDD', deps)).toEqual(refused);
    expect(await unlockWithRecoveryCode(record, PASSWORD, 'not a code', deps)).toEqual(refused);
    expect(await unlockWithRecoveryCode(record, 'granite and mass', codes[0] ?? '', deps)).toEqual(refused);
  });

  it('stop working once regenerated, and the new ones work', async () => {
    const { deps, record, keys, codes } = await vaultWithCodes();
    const regenerated = ok(await regenerateRecoveryCodes(record, keys, PASSWORD, deps));
    expect(regenerated.codes).toHaveLength(10);
    expect(regenerated.codes).not.toContain(codes[0]);
    expect(await unlockWithRecoveryCode(regenerated.record, PASSWORD, codes[0] ?? '', deps)).toEqual(refused);
    expect(ok(await unlockWithRecoveryCode(regenerated.record, PASSWORD, regenerated.codes[0] ?? '', deps)).keys).toEqual(regenerated.keys);
    expect(regenerated.keys.accountKey).toEqual(keys.accountKey);
  });

  it('normalise to sixteen base32 characters or nothing', () => {
    expect(normaliseRecoveryCode(' abcd-efgh ijkl-mn23 ')).toBe('ABCDEFGHIJKLMN23');
    expect(normaliseRecoveryCode('ABCD-EFGH-IJKL-MN01')).toBeNull();
    expect(normaliseRecoveryCode('ABCD-EFGH-IJKL')).toBeNull();
  });
});
