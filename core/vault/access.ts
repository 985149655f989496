import type { LoginFactor } from '../security/login-log';
import { afterFailure, afterPauseServed, afterSuccess, waitBeforeAttempt, type ThrottleState } from '../security/unlock-throttle';
import type { Result } from '../result';
import type { AccessPorts } from './access-ports';
import { loginReason, type AccessRefusal } from './access-refusals';
import { DEFAULT_KDF_ITERATIONS } from './kdf';
import type { UnlockedKeys, VaultRecord } from './types';
import {
  changePassword, recordKeyUse, unlockWithPassword, unlockWithPrf, unlockWithRecoveryCode, unlockWithVerifiedKey,
} from './vault';

/** Why an unlock did not happen, as a code; `retryAt` when attempts are slowed down. */
export type UnlockRefusal = AccessRefusal & { readonly retryAt?: number };

export type UnlockResult = Result<UnlockedKeys, UnlockRefusal>;

export interface Access {
  readonly unlock: (password: string) => Promise<UnlockResult>;
  readonly unlockWithRecoveryCode: (password: string, code: string) => Promise<UnlockResult>;
}

const OWNER = 'owner';

const refused = (refusal: AccessRefusal, retryAt?: number): { readonly ok: false; readonly error: UnlockRefusal } =>
  ({ ok: false, error: retryAt === undefined ? refusal : { ...refusal, retryAt } });

/** An attempt that has passed the throttle: counted as a failure until it succeeds. */
interface Turn {
  /** The throttle as it was before this attempt was counted. */
  readonly before: ThrottleState;
}

/**
 * Unlocking: every attempt is slowed by the throttle, logged, and on success leaves the keys
 * in the session. A cancelled key prompt is logged but does not count as a failed guess.
 * Only successes reach the audit log; failures and throttled attempts stay in the login log,
 * which is pruned after its window, so guessing cannot grow the permanent log.
 *
 * Attempts run one at a time across the profile, and each is counted as a failure before its
 * key derivation starts: parallel attempts from several pages each meet the count the one
 * before left, and closing a page mid-derivation does not take a guess back.
 */
export const createAccess = (ports: AccessPorts): Access => {
  const { deps } = ports;
  const now = () => deps.clock.now();
  const kdfIterations = ports.kdfIterations ?? DEFAULT_KDF_ITERATIONS;

  const log = (outcome: 'success' | 'failure' | 'throttled', factors: LoginFactor[], keyName: string | null, refusal: AccessRefusal | null) =>
    ports.logins.record({ outcome, factors, keyName, reason: refusal ? loginReason(refusal) : '', client: ports.client, user: OWNER });

  /** Holds the profile-wide turn; refuses while a wait from earlier failures runs, else counts the attempt first. */
  const attempt = (run: (turn: Turn) => Promise<UnlockResult>): Promise<UnlockResult> => ports.oneAtATime(async () => {
    // A served long pause starts the count again, or the next mistake would cost another one.
    const before = afterPauseServed(await ports.throttle.read(), now());
    const wait = waitBeforeAttempt(before, now());
    if (wait > 0) {
      const refusal: AccessRefusal = { type: 'throttled', waitSeconds: Math.ceil(wait / 1000) };
      await log('throttled', [], null, refusal);
      return refused(refusal, before.notBefore);
    }
    await ports.throttle.write(afterFailure(before, now()));
    return run({ before });
  });

  /**
   * The attempt stays counted; its wait is set last, just before the turn passes on, so the
   * next attempt in line meets all of it.
   */
  const fail = async (turn: Turn, factors: LoginFactor[], keyName: string | null, refusal: AccessRefusal) => {
    await log('failure', factors, keyName, refusal);
    const state = afterFailure(turn.before, now());
    await ports.throttle.write(state);
    return refused(refusal, state.notBefore);
  };

  /** Nothing was guessed (no account, a dismissed key prompt): the count goes back to what it was. */
  const notAGuess = async (turn: Turn, refusal: AccessRefusal) => {
    await ports.throttle.write(turn.before);
    return refused(refusal);
  };

  const succeed = async (record: VaultRecord, keys: UnlockedKeys, password: string, factors: LoginFactor[], keyName: string | null): Promise<UnlockResult> => {
    // Raised defaults reach an existing vault at its next unlock; records are not touched.
    const upgraded = record.kdf.iterations < kdfIterations
      ? await changePassword(record, keys, password, password, deps, kdfIterations)
      : null;
    // A rewrap under the same password is not a password change the owner should be shown.
    if (upgraded?.ok) await ports.vaults.save({ ...upgraded.value, passwordChangedAt: record.passwordChangedAt });
    await ports.throttle.write(afterSuccess());
    await ports.openData(keys);
    await ports.session.write(keys);
    await log('success', factors, keyName, null);
    // After the fact, and without the key's name: the owner chose it, so it may name someone.
    await ports.audit.append({
      type: 'unlocked', by: OWNER, subjects: [],
      detail: { factors: factors.join(','), method: factors.includes('recovery-code') ? 'recovery-code' : 'password' },
    });
    return { ok: true, value: keys };
  };

  const withSecondFactor = async (turn: Turn, record: VaultRecord, password: string): Promise<UnlockResult> => {
    const secondFactor = record.secondFactor;
    if (!secondFactor) return notAGuess(turn, { type: 'no-security-key' });
    const ceremony = await ports.ceremonies.authenticate({ ledger: ports.ledger, keys: secondFactor.keys, prfSalt: secondFactor.prfSalt });
    if (!ceremony.ok) {
      const refusal: AccessRefusal = { type: 'key-prompt', prompt: ceremony.error };
      await log('failure', ['password', 'security-key'], null, refusal);
      return notAGuess(turn, refusal);
    }
    const { response, challenge, prfOutput } = ceremony.value;
    const key = secondFactor.keys.find((candidate) => candidate.id === response.id);
    if (!key) return fail(turn, ['password', 'security-key'], null, { type: 'key-not-this-account' });
    const { verifyKeyAssertion } = await ports.verifier();
    const verified = await verifyKeyAssertion({ response, ledger: ports.ledger, expectedChallenge: challenge, ...ports.relyingParty, key });
    if (!verified.ok) {
      if (verified.error.reason === 'counter') {
        await ports.vaults.save(recordKeyUse(record, key.id, key.signCount, true, now()));
      }
      return fail(turn, ['password', 'security-key'], key.name, { type: 'key-refused', reason: verified.error.reason });
    }
    const opened = key.prf && prfOutput
      ? await unlockWithPrf(record, password, key.id, prfOutput, deps)
      : await unlockWithVerifiedKey(record, password, deps);
    if (!opened.ok) return fail(turn, ['password', 'security-key'], key.name, { type: 'wrong-password-or-key' });
    const used = recordKeyUse(record, key.id, verified.value.newSignCount, false, now());
    await ports.vaults.save(used);
    return succeed(used, opened.value, password, ['password', 'security-key'], key.name);
  };

  return {
    unlock: (password) => attempt(async (turn) => {
      const record = await ports.vaults.load();
      if (!record) return notAGuess(turn, { type: 'no-account-yet' });
      const result = await unlockWithPassword(record, password, deps);
      if (result.ok) return succeed(record, result.value, password, ['password'], null);
      if (result.error === 'wrong-password') return fail(turn, ['password'], null, { type: 'wrong-password' });
      return withSecondFactor(turn, record, password);
    }),
    unlockWithRecoveryCode: (password, code) => attempt(async (turn) => {
      const record = await ports.vaults.load();
      if (!record?.secondFactor) return notAGuess(turn, { type: 'recovery-needs-key' });
      const result = await unlockWithRecoveryCode(record, password, code, deps);
      if (!result.ok) {
        return fail(turn, ['password', 'recovery-code'], null, { type: result.error === 'code-used' ? 'recovery-code-used' : 'wrong-password-or-code' });
      }
      await ports.vaults.save(result.value.record);
      return succeed(result.value.record, result.value.keys, password, ['password', 'recovery-code'], null);
    }),
  };
};
