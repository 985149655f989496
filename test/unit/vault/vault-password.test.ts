import { describe, expect, it } from 'vitest';
import { createAesGcmCodec } from '../../../core/vault/aes-codec';
import { needsKdfUpgrade } from '../../../core/vault/kdf';
import { changePassword, createVault, unlockWithPassword } from '../../../core/vault/vault';
import { TEST_ITERATIONS, flipped, ok, testDeps } from './helpers';

const PASSWORD = 'plum orchard at dusk';

describe('create and unlock with the password', () => {
  it('unlocks the account key it created, and records when', async () => {
    const deps = testDeps();
    const { record, keys } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    expect(keys.accountKey).toHaveLength(32);
    expect(keys.factorSecret).toBeNull();
    expect(record.secondFactor).toBeNull();
    expect(record.createdAt).toBe(deps.clock.now());
    expect(ok(await unlockWithPassword(record, PASSWORD, deps))).toEqual(keys);
  });

  it('gives each vault its own account key and salt', async () => {
    const deps = testDeps();
    const a = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    const b = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    expect(a.keys.accountKey).not.toEqual(b.keys.accountKey);
    expect(a.record.kdf.salt).not.toEqual(b.record.kdf.salt);
  });

  it('refuses a wrong password, including one that differs only after the 100th character', async () => {
    const deps = testDeps();
    const long = `${'x'.repeat(199)}1`;
    const { record } = await createVault(long, deps, TEST_ITERATIONS);
    expect(ok(await unlockWithPassword(record, long, deps)).accountKey).toHaveLength(32);
    expect(await unlockWithPassword(record, `${'x'.repeat(199)}2`, deps)).toEqual({ ok: false, error: 'wrong-password' });
    expect(await unlockWithPassword(record, 'x'.repeat(100), deps)).toEqual({ ok: false, error: 'wrong-password' });
  });

  it('refuses a tampered wrapped account key', async () => {
    const deps = testDeps();
    const { record } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    const { iv, data } = record.wrappedAccountKey;
    for (const wrappedAccountKey of [{ iv, data: flipped(data, 5) }, { iv: flipped(iv), data }]) {
      expect(await unlockWithPassword({ ...record, wrappedAccountKey }, PASSWORD, deps)).toEqual({ ok: false, error: 'wrong-password' });
    }
  });
});

describe('changePassword', () => {
  it('makes the old password fail and the new one work, with the same account key', async () => {
    const deps = testDeps();
    const { record, keys } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    const codec = createAesGcmCodec(keys.accountKey, deps);
    const stored = await codec.encode({ firstName: 'Ada', lastName: 'Lovelace' }, 'locket/record/x/person');
    deps.clock.advance(60_000);

    const changed = ok(await changePassword(record, keys, PASSWORD, 'new and longer passphrase', deps, TEST_ITERATIONS));
    expect(changed.kdf.salt).not.toEqual(record.kdf.salt);
    expect(changed.passwordChangedAt).toBe(deps.clock.now());
    expect(changed.createdAt).toBe(record.createdAt);
    expect(await unlockWithPassword(changed, PASSWORD, deps)).toEqual({ ok: false, error: 'wrong-password' });
    const unlocked = ok(await unlockWithPassword(changed, 'new and longer passphrase', deps));
    expect(unlocked.accountKey).toEqual(keys.accountKey);
    expect(await createAesGcmCodec(unlocked.accountKey, deps).decode(stored, 'locket/record/x/person')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('refuses a wrong old password and leaves the record as it was', async () => {
    const deps = testDeps();
    const { record, keys } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    expect(await changePassword(record, keys, 'not it', 'whatever else', deps, TEST_ITERATIONS)).toEqual({ ok: false, error: 'wrong-password' });
    expect(ok(await unlockWithPassword(record, PASSWORD, deps))).toEqual(keys);
  });

  it('upgrades an old iteration count to the default', async () => {
    const deps = testDeps();
    const { record, keys } = await createVault(PASSWORD, deps, TEST_ITERATIONS);
    expect(needsKdfUpgrade(record.kdf)).toBe(true);
    const upgraded = ok(await changePassword(record, keys, PASSWORD, PASSWORD, deps));
    expect(needsKdfUpgrade(upgraded.kdf)).toBe(false);
  });
});
