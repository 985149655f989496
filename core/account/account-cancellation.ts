import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { JUMP_LIMIT_MS, type TimeMark } from '../retention/clock-trust';
import {
  cancellationDaysLeft, cancellationExpired, clearCancellation, deletionDueAt, markCancelled, readCancellation,
} from './cancellation';
import type { Result } from '../result';
import type { LocketDatabase } from '../db/schema';
import { createAccess, type Access, type UnlockResult } from '../vault/access';
import type { AccessPorts } from '../vault/access-ports';
import type { UnlockedKeys } from '../vault/types';

/** What the cancelled screen tells the owner. */
export interface CancellationStatus {
  readonly cancelledAt: number;
  /** When a sweep deletes everything for good. */
  readonly deletionDueAt: number;
  readonly daysLeft: number;
  /** The 14 days have passed: nothing can be restored, the next sweep deletes the account. */
  readonly expired: boolean;
}

export interface AccountCancellationDeps {
  readonly db: LocketDatabase;
  /** The unlock path: password, throttle, login log, and the security key when two-factor is on. */
  readonly ports: AccessPorts;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Forgets the session's keys in every surface. */
  readonly lockSession: () => Promise<void>;
  /** The newest time the sweeps trusted (kept by the sweep, in `meta`); null before the first. */
  readonly readTimeMark: () => Promise<TimeMark | null>;
}

export interface AccountCancellation {
  /** Null while the account is not cancelled. */
  readonly status: () => Promise<CancellationStatus | null>;
  /** Checks the password (and key), then hides and locks the account. A refusal changes nothing. */
  readonly cancel: (password: string) => Promise<Result<{ readonly cancelledAt: number }, string>>;
  /** Checks the password and the key (or a recovery code), lifts the cancellation and unlocks. */
  readonly restore: (password: string, recoveryCode?: string) => Promise<Result<void, string>>;
}

export const RESTORE_WINDOW_CLOSED = 'The 14 days to restore this account have passed. Locket is deleting it.';
const ALREADY_CANCELLED = 'This account is already cancelled.';
const OWNER = 'owner';

export const createAccountCancellation = (deps: AccountCancellationDeps): AccountCancellation => {
  const { db, ports, audit, clock } = deps;

  /**
   * Runs the unlock path with the session held back: the keys reach storage.session only when
   * `release` is called. Every surface follows that session, so it must change only after the
   * marker does, or another page would see "unlocked" with the old marker still in place.
   */
  const reauthenticate = async (attempt: (access: Access) => Promise<UnlockResult>) => {
    let held: UnlockedKeys | null = null;
    const access = createAccess({ ...ports, session: { write: (keys) => { held = keys; return Promise.resolve(); } } });
    const result = await attempt(access);
    const keys = held;
    return { result, release: () => (keys ? ports.session.write(keys) : Promise.resolve()) };
  };

  /**
   * The time the window is judged at. A page clock more than a day past what sweeps last
   * trusted may have jumped: it must not tell the owner the restore window closed while the
   * sweeps (which alone delete) still hold back, so it counts only up to that day's end.
   */
  const judgedNow = async (): Promise<number> => {
    const now = clock.now();
    const mark = await deps.readTimeMark();
    return mark ? Math.min(now, mark.trustedAt + JUMP_LIMIT_MS) : now;
  };

  const status = async (): Promise<CancellationStatus | null> => {
    const now = await judgedNow();
    const marker = await readCancellation(db, now);
    if (!marker) return null;
    return {
      cancelledAt: marker.cancelledAt,
      deletionDueAt: deletionDueAt(marker),
      daysLeft: cancellationDaysLeft(marker, now),
      expired: cancellationExpired(marker, now),
    };
  };

  const cancel = async (password: string): Promise<Result<{ readonly cancelledAt: number }, string>> => {
    if (await readCancellation(db, clock.now())) return { ok: false, error: ALREADY_CANCELLED };
    // The keys are not released: the session is about to be locked anyway.
    const { result } = await reauthenticate((access) => access.unlock(password));
    if (!result.ok) return { ok: false, error: result.error.message };
    const marker = await markCancelled(db, clock.now());
    try {
      await audit.append({ type: 'account-cancelled', by: OWNER, subjects: [], detail: { deletionDueAt: deletionDueAt(marker) } });
    } finally {
      // Locked even if the audit entry failed: a cancelled account must not stay open anywhere.
      await deps.lockSession();
    }
    return { ok: true, value: { cancelledAt: marker.cancelledAt } };
  };

  const restore = async (password: string, recoveryCode?: string): Promise<Result<void, string>> => {
    const now = await judgedNow();
    const marker = await readCancellation(db, now);
    if (marker && cancellationExpired(marker, now)) return { ok: false, error: RESTORE_WINDOW_CLOSED };
    const { result, release } = await reauthenticate((access) => recoveryCode === undefined
      ? access.unlock(password)
      : access.unlockWithRecoveryCode(password, recoveryCode));
    if (!result.ok) return { ok: false, error: result.error.message };
    if (!marker) { await release(); return { ok: true, value: undefined }; }
    await clearCancellation(db);
    try {
      await audit.append({ type: 'account-restored', by: OWNER, subjects: [], detail: { cancelledAt: marker.cancelledAt } });
    } finally {
      // The marker is gone: every surface must hear it, which the session change does.
      await release();
    }
    return { ok: true, value: undefined };
  };

  return { status, cancel, restore };
};
