import { describe, expect, it } from 'vitest';
import { INITIAL_THROTTLE, delayAfterFailure, LONG_PAUSE_MS, MAX_CONSECUTIVE_FAILURES } from '../../../core/security/unlock-throttle';
import { createAccess } from '../../../core/vault/access';
import { accessRefusalText, loginReasonText } from '../../../components/shared/messages/access-messages';
import { KEY_CHECK_MESSAGES as failureMessages } from '../../../components/shared/messages/security-key-messages';
import { createVault } from '../../../core/vault/vault';
import {
  CLIENT, PASSWORD, addSoftKey, createAccessHarness, storedKey, withAccount, type AccessHarness,
} from './access-harness';
import { TEST_ITERATIONS, flipped, ok } from './helpers';
import { createSoftKey, withBrokenSignature } from './soft-ceremonies';

const WRONG = 'walrus tundra violin lamb';

/** Locks, then tries to unlock with `password`. */
const unlockAfterLock = async (harness: AccessHarness, password: string) => {
  harness.lock();
  harness.waitOutThrottle();
  return harness.access.unlock(password);
};

/** The refusal as the unlock screen shows it: its words, and when to retry. */
const refusal = (result: Awaited<ReturnType<AccessHarness['access']['unlock']>>) => {
  if (result.ok) throw new Error('Expected the unlock to be refused');
  const { retryAt } = result.error;
  return retryAt === undefined ? { message: accessRefusalText(result.error) } : { message: accessRefusalText(result.error), retryAt };
};

/** The newest login-log entry, its reason as the login history shows it. */
const newest = async (harness: AccessHarness) => {
  const entry = (await harness.logins(1))[0];
  return entry && { ...entry, reason: loginReasonText(entry.reason) };
};

describe('unlock without a second factor', () => {
  it('opens with the right password, fills the session, clears earlier failures and logs the success', async () => {
    const harness = await withAccount();
    refusal(await unlockAfterLock(harness, WRONG));
    const result = await unlockAfterLock(harness, PASSWORD);
    expect(ok(result)).toEqual(harness.keys);
    expect(harness.session()).toEqual(harness.keys);
    expect(harness.throttle()).toEqual(INITIAL_THROTTLE);
    expect(await newest(harness)).toMatchObject({
      outcome: 'success', factors: ['password'], keyName: null, reason: '', client: CLIENT, at: harness.clock.now(),
    });
  });

  it('never prompts for a key nor loads the verifier', async () => {
    const harness = await withAccount();
    ok(await unlockAfterLock(harness, PASSWORD));
    expect(harness.ceremonies.calls().authenticate).toBe(0);
    expect(harness.verifierLoads()).toBe(0);
  });

  it('refuses a wrong password, leaves the session empty and logs the failure', async () => {
    const harness = await withAccount();
    const error = refusal(await unlockAfterLock(harness, WRONG));
    expect(error.message).toBe('Wrong password.');
    expect(harness.session()).toBeNull();
    expect(await newest(harness)).toMatchObject({ outcome: 'failure', factors: ['password'], reason: 'Wrong password.' });
  });

  it('says when there is no account yet', async () => {
    const harness = await createAccessHarness();
    expect(refusal(await harness.access.unlock(PASSWORD)).message).toMatch(/no account/);
  });
});

describe('slowing down failed unlocks', () => {
  /** `count` wrong passwords, each after the previous wait; returns each wait. */
  const failRepeatedly = async (harness: AccessHarness, count: number) => {
    const waits: number[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      harness.waitOutThrottle();
      const { retryAt } = refusal(await harness.access.unlock(WRONG));
      waits.push((retryAt ?? 0) - harness.clock.now());
    }
    return waits;
  };

  it('refuses even the right password until the wait is over, and says when to retry', async () => {
    const harness = await withAccount();
    harness.lock();
    const { retryAt } = refusal(await harness.access.unlock(WRONG));
    expect(retryAt).toBeGreaterThan(harness.clock.now());
    const early = refusal(await harness.access.unlock(PASSWORD));
    expect(early).toEqual({ message: expect.stringMatching(/Too many failed attempts\. Try again in \d+ s\./), retryAt });
    expect(await newest(harness)).toMatchObject({ outcome: 'throttled', factors: [] });
    harness.clock.set(retryAt! - 1);
    refusal(await harness.access.unlock(PASSWORD));
    harness.clock.set(retryAt!);
    ok(await harness.access.unlock(PASSWORD));
  });

  it('makes each wait longer than the last', async () => {
    const harness = await withAccount();
    const waits = await failRepeatedly(harness, 12);
    waits.slice(1).forEach((wait, index) => expect(wait).toBeGreaterThan(waits[index]!));
  });

  it('pauses for a long time after 100 failures in a row, then lets the owner in', async () => {
    const harness = await withAccount();
    const waits = await failRepeatedly(harness, MAX_CONSECUTIVE_FAILURES);
    expect(waits.at(-1)).toBe(LONG_PAUSE_MS);
    expect(waits.at(-2)).toBeLessThan(LONG_PAUSE_MS);
    harness.clock.advance(LONG_PAUSE_MS - 60 * 60 * 1000);
    expect(refusal(await harness.access.unlock(PASSWORD)).message).toMatch(/Try again in 60 min\./);
    harness.waitOutThrottle();
    ok(await harness.access.unlock(PASSWORD));
  }, 30_000);

  it('starts counting again after the long pause: the next mistake costs a short wait, not another day', async () => {
    const harness = await withAccount();
    await failRepeatedly(harness, MAX_CONSECUTIVE_FAILURES);
    const [wait] = await failRepeatedly(harness, 1);
    expect(wait).toBeLessThan(60_000);
  }, 30_000);

  it('keeps counting across a restart (a new access over the same storage)', async () => {
    const harness = await withAccount();
    await failRepeatedly(harness, 3);
    const restarted = createAccess(harness.ports);
    expect(refusal(await restarted.unlock(PASSWORD)).retryAt).toBe(harness.throttle().notBefore);
    harness.waitOutThrottle();
    const { retryAt } = refusal(await restarted.unlock(WRONG));
    expect(harness.throttle().failures).toBe(4);
    expect(retryAt! - harness.clock.now()).toBe(delayAfterFailure(4));
  });
});

describe('with a PRF security key', () => {
  const withPrfKey = async () => {
    const harness = await withAccount();
    return { harness, ...(await addSoftKey(harness, harness.keys, 'at-registration', 'Blue key')) };
  };

  it('turns two-factor on with ten different recovery codes', async () => {
    const { harness, recoveryCodes, key } = await withPrfKey();
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await storedKey(harness, key.credentialId)).toMatchObject({ name: 'Blue key', prf: true });
  });

  it('asks for the key after the password and unlocks with it', async () => {
    const { harness, keys } = await withPrfKey();
    const before = harness.ceremonies.calls().authenticate;
    expect(ok(await unlockAfterLock(harness, PASSWORD))).toEqual(keys);
    expect(harness.ceremonies.calls().authenticate).toBe(before + 1);
    expect(harness.session()).toEqual(keys);
    expect(await newest(harness)).toMatchObject({ outcome: 'success', factors: ['password', 'security-key'], keyName: 'Blue key' });
  });

  it('records the sign count and the time the key was last used', async () => {
    const { harness, key } = await withPrfKey();
    harness.clock.advance(5000);
    harness.ceremonies.counterNext(41);
    ok(await unlockAfterLock(harness, PASSWORD));
    expect(await storedKey(harness, key.credentialId)).toMatchObject({ signCount: 41, lastUsedAt: harness.clock.now() });
  });

  it('refuses a wrong password even with the right key', async () => {
    const { harness } = await withPrfKey();
    const error = refusal(await unlockAfterLock(harness, WRONG));
    expect(error.message).toMatch(/Wrong password/);
    expect(harness.session()).toBeNull();
    expect(harness.throttle().failures).toBe(1);
    expect(await newest(harness)).toMatchObject({ outcome: 'failure', factors: ['password', 'security-key'], keyName: 'Blue key' });
  });

  it('refuses when the key hands back another PRF output', async () => {
    const { harness } = await withPrfKey();
    harness.ceremonies.tamperNext((fresh) => ({ ...fresh, prfOutput: flipped(fresh.prfOutput!, 7) }));
    refusal(await unlockAfterLock(harness, PASSWORD));
    expect(harness.session()).toBeNull();
  });

  it('refuses a replayed assertion', async () => {
    const { harness } = await withPrfKey();
    ok(await unlockAfterLock(harness, PASSWORD));
    const recorded = harness.ceremonies.lastAssertion()!;
    harness.ceremonies.tamperNext(() => recorded);
    expect(refusal(await unlockAfterLock(harness, PASSWORD)).message).toBe(failureMessages.challenge);
    expect(harness.session()).toBeNull();
  });

  it('refuses a key whose counter went backwards and flags it on the stored key', async () => {
    const { harness, key } = await withPrfKey();
    harness.ceremonies.counterNext(9);
    ok(await unlockAfterLock(harness, PASSWORD));
    harness.clock.advance(60_000);
    harness.ceremonies.counterNext(4);
    expect(refusal(await unlockAfterLock(harness, PASSWORD)).message).toBe(failureMessages.counter);
    expect(harness.session()).toBeNull();
    expect(await storedKey(harness, key.credentialId)).toMatchObject({ signCount: 9, counterRegressionAt: harness.clock.now() });
  });

  it('refuses a key that is not registered with this account', async () => {
    const { harness } = await withPrfKey();
    harness.ceremonies.hold(await createSoftKey('at-registration'));
    expect(refusal(await unlockAfterLock(harness, PASSWORD)).message).toMatch(/not registered/);
    expect(harness.session()).toBeNull();
  });

  it('logs a dismissed key prompt without counting it as a guess', async () => {
    const { harness } = await withPrfKey();
    harness.ceremonies.cancelNext('cancelled');
    expect(refusal(await unlockAfterLock(harness, PASSWORD)).message).toBe('The security key request was cancelled or timed out. Please try again.');
    expect(harness.throttle().failures).toBe(0);
    expect(await newest(harness)).toMatchObject({ outcome: 'failure', reason: 'The security key request was cancelled or timed out. Please try again.' });
  });
});

describe('with a security key without PRF', () => {
  const withPlainKey = async () => {
    const harness = await withAccount();
    return { harness, ...(await addSoftKey(harness, harness.keys, 'none', 'Grey key')) };
  };

  it('unlocks with the password and a verified assertion', async () => {
    const { harness, keys } = await withPlainKey();
    expect(ok(await unlockAfterLock(harness, PASSWORD))).toEqual(keys);
    expect(await newest(harness)).toMatchObject({ outcome: 'success', factors: ['password', 'security-key'], keyName: 'Grey key' });
  });

  it('refuses a wrong password before prompting for the key', async () => {
    const { harness } = await withPlainKey();
    const before = harness.ceremonies.calls().authenticate;
    expect(refusal(await unlockAfterLock(harness, WRONG)).message).toBe('Wrong password.');
    expect(harness.ceremonies.calls().authenticate).toBe(before);
  });

  it('refuses an assertion whose signature does not verify', async () => {
    const { harness } = await withPlainKey();
    harness.ceremonies.tamperNext(withBrokenSignature);
    expect(refusal(await unlockAfterLock(harness, PASSWORD)).message).toBe(failureMessages.signature);
    expect(harness.session()).toBeNull();
  });
});

describe('recovery codes', () => {
  const withCodes = async () => {
    const harness = await withAccount();
    const added = await addSoftKey(harness, harness.keys, 'at-registration');
    harness.lock();
    return { harness, ...added, codes: added.recoveryCodes! };
  };

  it('unlock once each, without the key', async () => {
    const { harness, keys, codes } = await withCodes();
    const before = harness.ceremonies.calls().authenticate;
    expect(ok(await harness.access.unlockWithRecoveryCode(PASSWORD, codes[3]!))).toEqual(keys);
    expect(harness.session()).toEqual(keys);
    expect(harness.ceremonies.calls().authenticate).toBe(before);
    expect(await newest(harness)).toMatchObject({ outcome: 'success', factors: ['password', 'recovery-code'] });
    harness.lock();
    expect(refusal(await harness.access.unlockWithRecoveryCode(PASSWORD, codes[3]!)).message).toMatch(/used before/);
    harness.waitOutThrottle();
    ok(await harness.access.unlockWithRecoveryCode(PASSWORD, codes[4]!));
  });

  it('refuse a wrong code, and a right code with a wrong password without using it up', async () => {
    const { harness, codes } = await withCodes();
    expect(refusal(await harness.access.unlockWithRecoveryCode(PASSWORD, 'AAAA-BBBB-CCCC-DDDD')).message)
      .toBe('Wrong password or recovery code.');
    harness.waitOutThrottle();
    refusal(await harness.access.unlockWithRecoveryCode(WRONG, codes[0]!));
    harness.waitOutThrottle();
    ok(await harness.access.unlockWithRecoveryCode(PASSWORD, codes[0]!));
  });

  it('are refused while no key is set up', async () => {
    const harness = await withAccount();
    expect(refusal(await harness.access.unlockWithRecoveryCode(PASSWORD, 'AAAA-BBBB-CCCC-DDDD')).message).toMatch(/security key is set up/);
  });
});

describe('key derivation strength', () => {
  it('raises an old vault to the default iteration count at the next unlock, keeping the account key', async () => {
    const harness = await createAccessHarness({ raisedIterations: 2 * TEST_ITERATIONS });
    const { record, keys } = await createVault(PASSWORD, harness.ports.deps, TEST_ITERATIONS);
    await harness.ports.vaults.save(record);
    harness.clock.advance(30 * 24 * 60 * 60 * 1000);
    expect(ok(await harness.access.unlock(PASSWORD))).toEqual(keys);
    const upgraded = await harness.vault();
    expect(upgraded.kdf.iterations).toBe(2 * TEST_ITERATIONS);
    // The owner did not change the password: the security page must not say so.
    expect(upgraded.passwordChangedAt).toBe(record.passwordChangedAt);
    expect(ok(await unlockAfterLock(harness, PASSWORD))).toEqual(keys);
  }, 30_000);

  it('leaves a vault alone that already has the strength this install asks for', async () => {
    const harness = await withAccount();
    const before = await harness.vault();
    ok(await unlockAfterLock(harness, PASSWORD));
    expect((await harness.vault()).kdf).toEqual(before.kdf);
  });
});
