import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/audit/audit-log';
import { createVault } from '../../../core/vault/vault';
import { OWNER, PASSWORD, addSoftKey, createAccessHarness, withAccount, type AccessHarness } from './access-harness';
import { TEST_ITERATIONS, ok } from './helpers';

const WRONG = 'walrus tundra violin lamb';
const NEW_PASSWORD = 'marble heron quietly sails';

const entries = (harness: AccessHarness) => harness.ports.audit.entries();
const newestEntry = async (harness: AccessHarness): Promise<AuditEntry | undefined> => (await entries(harness)).at(-1);

const lockAndUnlock = async (harness: AccessHarness, password: string) => {
  harness.lock();
  harness.waitOutThrottle();
  return harness.access.unlock(password);
};

/** The log holds nothing the owner typed: no key name, no name or email of the owner. */
const expectNoPersonalWords = async (harness: AccessHarness, words: readonly string[]) => {
  const text = JSON.stringify(await entries(harness));
  for (const word of words) expect(text).not.toContain(word);
};

describe('unlocks in the audit log', () => {
  it('appends one entry per successful password unlock, at the unlock time, and the chain verifies', async () => {
    const harness = await withAccount();
    const before = (await entries(harness)).length;
    harness.clock.advance(60_000);
    ok(await lockAndUnlock(harness, PASSWORD));
    expect(await entries(harness)).toHaveLength(before + 1);
    expect(await newestEntry(harness)).toMatchObject({
      type: 'unlocked', by: 'owner', subjects: [], at: harness.clock.now(), detail: { factors: 'password', method: 'password' },
    });
    expect(await harness.ports.audit.verifyChain()).toEqual({ ok: true, count: before + 1 });
  });

  it('leaves wrong passwords and throttled attempts to the login log only', async () => {
    const harness = await withAccount();
    const before = await entries(harness);
    harness.lock();
    expect((await harness.access.unlock(WRONG)).ok).toBe(false);
    expect((await harness.access.unlock(PASSWORD)).ok).toBe(false);
    expect((await harness.logins()).map((attempt) => attempt.outcome).slice(0, 2)).toEqual(['throttled', 'failure']);
    expect(await entries(harness)).toEqual(before);
  });

  it('names the factors of a key unlock but never the key', async () => {
    const harness = await withAccount();
    await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key of Grace Hopper');
    ok(await lockAndUnlock(harness, PASSWORD));
    expect((await newestEntry(harness))?.detail).toEqual({ factors: 'password,security-key', method: 'password' });
    await expectNoPersonalWords(harness, ['Blue key', 'Grace', OWNER.name, OWNER.email]);
  });

  it('tells a recovery-code unlock apart', async () => {
    const harness = await withAccount();
    const { recoveryCodes } = await addSoftKey(harness, harness.keys, 'none');
    harness.lock();
    ok(await harness.access.unlockWithRecoveryCode(PASSWORD, recoveryCodes![0]!));
    expect(await newestEntry(harness)).toMatchObject({ type: 'unlocked', detail: { factors: 'password,recovery-code', method: 'recovery-code' } });
    expect((await harness.ports.audit.verifyChain()).ok).toBe(true);
  });

  it('does not call the strength upgrade at unlock a password change', async () => {
    const harness = await createAccessHarness({ raisedIterations: 2 * TEST_ITERATIONS });
    const { record } = await createVault(PASSWORD, harness.ports.deps, TEST_ITERATIONS);
    await harness.ports.vaults.save(record);
    ok(await harness.access.unlock(PASSWORD));
    expect((await entries(harness)).map((entry) => entry.type)).toEqual(['unlocked']);
  }, 30_000);
});

describe('factor changes in the audit log', () => {
  it('counts the keys after each addition and removal, without their names', async () => {
    const harness = await withAccount();
    const first = await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key');
    expect(await newestEntry(harness)).toMatchObject({ type: 'key-added', by: 'owner', subjects: [], detail: { keys: 1 } });
    const second = await addSoftKey(harness, first.keys, 'none', 'Grey key');
    expect((await newestEntry(harness))?.detail).toEqual({ keys: 2 });
    ok(await harness.account.removeKey(second.keys, PASSWORD, first.key.credentialId));
    expect(await newestEntry(harness)).toMatchObject({ type: 'key-removed', detail: { keys: 1 } });
    // Removing a key moved the vault to a new factor secret: the session holds the new keys.
    ok(await harness.account.removeKey(harness.session()!, PASSWORD, second.key.credentialId));
    expect(await newestEntry(harness)).toMatchObject({ type: 'key-removed', detail: { keys: 0 } });
    expect((await entries(harness)).map((entry) => entry.type)).toEqual(['key-added', 'key-added', 'key-removed', 'key-removed']);
    await expectNoPersonalWords(harness, ['Blue key', 'Grey key', first.key.credentialId, second.key.credentialId]);
    expect(await harness.ports.audit.verifyChain()).toEqual({ ok: true, count: 4 });
  });

  it('logs nothing for a refused removal', async () => {
    const harness = await withAccount();
    const { key, keys } = await addSoftKey(harness, harness.keys, 'at-registration');
    const before = await entries(harness);
    expect((await harness.account.removeKey(keys, WRONG, key.credentialId)).ok).toBe(false);
    expect((await harness.account.removeKey(keys, PASSWORD, 'no-such-key')).ok).toBe(false);
    expect(await entries(harness)).toEqual(before);
  });

  it('logs a password change once it is saved, and nothing for a refused one', async () => {
    const harness = await withAccount();
    expect((await harness.account.changePassword(harness.keys, WRONG, NEW_PASSWORD, OWNER)).ok).toBe(false);
    expect(await entries(harness)).toEqual([]);
    harness.clock.advance(1000);
    ok(await harness.account.changePassword(harness.keys, PASSWORD, NEW_PASSWORD, OWNER));
    expect(await entries(harness)).toEqual([
      expect.objectContaining({ type: 'password-changed', by: 'owner', subjects: [], detail: {}, at: harness.clock.now() }),
    ]);
    await expectNoPersonalWords(harness, [PASSWORD, NEW_PASSWORD]);
    expect((await harness.ports.audit.verifyChain()).ok).toBe(true);
  });
});
