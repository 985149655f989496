import { deriveAuditKeys } from '../../../core/audit/hash';
import { describe, expect, it } from 'vitest';
import { readCancellation, type Cancellation } from '../../../core/account/cancellation';
import { createAuditLog } from '../../../core/audit/audit-log';
import { DAY_MS } from '../../../core/retention/windows';
import type { UnlockedKeys } from '../../../core/vault/types';
import { createAccountCancellation } from '../../../core/account/account-cancellation';
import { cancellationRefusalText } from '../../../components/shared/messages/access-messages';
import type { CancellationRefusal } from '../../../core/vault/access-refusals';

const RESTORE_WINDOW_CLOSED = 'The 14 days to restore this account have passed. Locket is deleting it.';
import { daysLeftText, deletionText } from '../../../components/locket-cancelled/cancelled-text';
import { readTimeMark, writeTimeMark } from '../../../worker/sweep/time-mark';
import { PASSWORD, addSoftKey, withAccount } from '../vault/access-harness';
import { ok } from '../vault/helpers';

const WRONG = 'walrus tundra violin lamb';

/**
 * The account-cancellation service on the real unlock path (access harness). The session
 * port records, at each write, whether the marker was still there: another surface hears
 * exactly that write and reads the marker right after it.
 */
const setUp = async () => {
  const harness = await withAccount();
  harness.lock();
  const audit = createAuditLog({ db: harness.db, clock: harness.clock, keys: () => deriveAuditKeys(harness.keys.accountKey) });
  const sessionWrites: { keys: UnlockedKeys; markerThen: Cancellation | null }[] = [];
  let locks = 0;
  const cancellation = createAccountCancellation({
    db: harness.db,
    ports: {
      ...harness.ports,
      session: {
        write: async (keys) => {
          sessionWrites.push({ keys, markerThen: await readCancellation(harness.db, harness.clock.now()) });
          await harness.ports.session.write(keys);
        },
      },
    },
    audit,
    clock: harness.clock,
    lockSession: () => { locks += 1; harness.lock(); return Promise.resolve(); },
    readTimeMark: () => readTimeMark(harness.db),
  });
  const auditTypes = async () => (await audit.entries()).map((entry) => entry.type).filter((type) => type !== 'unlocked');
  return { harness, audit, cancellation, sessionWrites, locks: () => locks, auditTypes };
};

/** The refusal as the page shows it. */
const refusal = <T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CancellationRefusal }): string => {
  if (result.ok) throw new Error('Expected a refusal');
  return cancellationRefusalText(result.error);
};

describe('cancelling the account', () => {
  it('with the password: marks it cancelled now, logs when it will be deleted, and locks the session', async () => {
    const { harness, audit, cancellation, locks } = await setUp();
    const cancelledAt = harness.clock.now();
    expect(ok(await cancellation.cancel(PASSWORD))).toEqual({ cancelledAt });
    expect(await readCancellation(harness.db, harness.clock.now())).toEqual({ cancelledAt });
    const entry = (await audit.entries()).find((candidate) => candidate.type === 'account-cancelled');
    expect(entry?.detail).toEqual({ deletionDueAt: cancelledAt + 14 * DAY_MS });
    expect(entry?.subjects).toEqual([]);
    expect(locks()).toBe(1);
    expect(harness.session()).toBeNull();
    expect((await audit.verifyChain()).ok).toBe(true);
  });

  it('with a wrong password: refused, no marker, no audit entry, the session untouched', async () => {
    const { harness, cancellation, locks, auditTypes, sessionWrites } = await setUp();
    expect(refusal(await cancellation.cancel(WRONG))).toBe('Wrong password.');
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
    expect(await auditTypes()).toEqual([]);
    expect(locks()).toBe(0);
    expect(sessionWrites).toEqual([]);
  });

  it('never writes the keys it checked to the session', async () => {
    const { cancellation, sessionWrites } = await setUp();
    ok(await cancellation.cancel(PASSWORD));
    expect(sessionWrites).toEqual([]);
  });

  it('refuses a second cancellation, keeping the first date', async () => {
    const { harness, cancellation } = await setUp();
    const first = harness.clock.now();
    ok(await cancellation.cancel(PASSWORD));
    harness.clock.advance(DAY_MS);
    expect(refusal(await cancellation.cancel(PASSWORD))).toMatch(/already cancelled/);
    expect(await readCancellation(harness.db, harness.clock.now())).toEqual({ cancelledAt: first });
  });

  it('with two-factor on, asks for the key too; a dismissed key prompt cancels nothing', async () => {
    const base = await setUp();
    const { harness, cancellation } = base;
    await addSoftKey(harness, harness.keys, 'at-registration');
    harness.lock();
    harness.ceremonies.cancelNext('cancelled');
    expect(refusal(await cancellation.cancel(PASSWORD))).toMatch(/cancelled or timed out/);
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
    harness.waitOutThrottle();
    const prompts = harness.ceremonies.calls().authenticate;
    ok(await cancellation.cancel(PASSWORD));
    expect(harness.ceremonies.calls().authenticate).toBe(prompts + 1);
    expect(await readCancellation(harness.db, harness.clock.now())).not.toBeNull();
  });
});

describe('the cancellation window', () => {
  it('reports the deletion date and the days left, moving with the clock', async () => {
    const { harness, cancellation } = await setUp();
    expect(await cancellation.status()).toBeNull();
    const cancelledAt = harness.clock.now();
    ok(await cancellation.cancel(PASSWORD));
    expect(await cancellation.status()).toEqual({
      cancelledAt, deletionDueAt: cancelledAt + 14 * DAY_MS, daysLeft: 14, expired: false,
    });
    harness.clock.set(cancelledAt + 13 * DAY_MS);
    expect(await cancellation.status()).toMatchObject({ daysLeft: 1, expired: false });
    harness.clock.set(cancelledAt + 14 * DAY_MS);
    expect(await cancellation.status()).toMatchObject({ daysLeft: 0, expired: true });
  });
});

describe('restoring a cancelled account', () => {
  it('at day 13 with the password: lifts the marker, logs it, then opens the session', async () => {
    const { harness, audit, cancellation, sessionWrites, auditTypes } = await setUp();
    ok(await cancellation.cancel(PASSWORD));
    harness.clock.advance(13 * DAY_MS);
    ok(await cancellation.restore(PASSWORD));
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
    expect(harness.session()).toEqual(harness.keys);
    // Every surface hears the session write: by then the marker must be gone.
    expect(sessionWrites).toHaveLength(1);
    expect(sessionWrites[0]?.markerThen).toBeNull();
    expect(await auditTypes()).toEqual(['account-cancelled', 'account-restored']);
    expect((await audit.verifyChain()).ok).toBe(true);
  });

  it('with a wrong password: refused, still cancelled, still locked', async () => {
    const { harness, cancellation, auditTypes } = await setUp();
    const { cancelledAt } = ok(await cancellation.cancel(PASSWORD));
    harness.waitOutThrottle();
    expect(refusal(await cancellation.restore(WRONG))).toBe('Wrong password.');
    expect(await readCancellation(harness.db, harness.clock.now())).toEqual({ cancelledAt });
    expect(harness.session()).toBeNull();
    expect(await auditTypes()).toEqual(['account-cancelled']);
  });

  it('once the 14 days have passed: refused without trying the password', async () => {
    const { harness, cancellation } = await setUp();
    ok(await cancellation.cancel(PASSWORD));
    harness.clock.advance(15 * DAY_MS);
    const attempts = (await harness.logins()).length;
    expect(refusal(await cancellation.restore(PASSWORD))).toBe(RESTORE_WINDOW_CLOSED);
    expect(await readCancellation(harness.db, harness.clock.now())).not.toBeNull();
    expect(harness.session()).toBeNull();
    expect(await harness.logins()).toHaveLength(attempts);
  });

  it('a page clock that jumped past what sweeps trusted never closes the window: restore still works', async () => {
    const { harness, cancellation, auditTypes } = await setUp();
    const { cancelledAt } = ok(await cancellation.cancel(PASSWORD));
    await writeTimeMark(harness.db, { trustedAt: cancelledAt + DAY_MS, pendingAt: null });
    harness.clock.set(cancelledAt + 15 * DAY_MS);
    expect(await cancellation.status()).toMatchObject({ expired: false });
    ok(await cancellation.restore(PASSWORD));
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
    expect(await auditTypes()).toEqual(['account-cancelled', 'account-restored']);
  });

  it('once a trusted sweep has seen the 14 days pass, a jumped page clock cannot reopen it either', async () => {
    const { harness, cancellation } = await setUp();
    const { cancelledAt } = ok(await cancellation.cancel(PASSWORD));
    await writeTimeMark(harness.db, { trustedAt: cancelledAt + 14 * DAY_MS + 60_000, pendingAt: null });
    harness.clock.set(cancelledAt + 30 * DAY_MS);
    expect(await cancellation.status()).toMatchObject({ expired: true });
    expect(refusal(await cancellation.restore(PASSWORD))).toBe(RESTORE_WINDOW_CLOSED);
  });

  it('with two-factor on, with a recovery code instead of the key', async () => {
    const { harness, cancellation } = await setUp();
    const { recoveryCodes } = await addSoftKey(harness, harness.keys, 'none');
    harness.lock();
    ok(await cancellation.cancel(PASSWORD));
    harness.ceremonies.cancelNext('cancelled');
    expect(refusal(await cancellation.restore(PASSWORD))).toMatch(/cancelled or timed out/);
    expect(await readCancellation(harness.db, harness.clock.now())).not.toBeNull();
    ok(await cancellation.restore(PASSWORD, recoveryCodes?.[0] ?? ''));
    expect(await readCancellation(harness.db, harness.clock.now())).toBeNull();
    expect(harness.session()).not.toBeNull();
  });
});

describe('the cancelled screen’s words', () => {
  const status = { cancelledAt: 0, deletionDueAt: 14 * DAY_MS, daysLeft: 14, expired: false };
  const formatDate = (at: number) => new Date(at).toISOString().slice(0, 10);

  it('names the deletion date and the days left, one day in the singular', () => {
    expect(deletionText(status, formatDate)).toBe('It will be deleted for good on 1970-01-15 (14 days left).');
    expect(daysLeftText(1)).toBe('1 day left');
  });

  it('offers no date once the window has closed', () => {
    expect(deletionText({ ...status, daysLeft: 0, expired: true }, formatDate)).toMatch(/have passed/);
  });
});
