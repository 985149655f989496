/**
 * Whether a sweep may measure retention windows against its clock. A window measured against a
 * clock that jumped ahead deletes at once what should have waited weeks, so a sweep compares
 * its clock with the newest time Locket has seen and deletes nothing when they disagree.
 *
 * The rule, in order:
 * - Behind: a clock more than BEHIND_SLACK_MS earlier than the newest time seen is held: the
 *   trusted mark, or the change log's newest HLC time when that is at most a day past the mark
 *   (a change stamped further ahead was itself made under a clock that jumped, and must not hold
 *   every sweep until the real time reaches it). The mark never goes back, so sweeps delete
 *   nothing until the clock passes it again.
 * - Within a day past the trusted mark: trusted, and the mark moves up to the clock.
 * - More than a day past it: one reading cannot tell a device that was closed for three weeks
 *   from a clock set wrong, so the first such sweep only notes its reading (`pendingAt`) and is
 *   held. A later sweep whose clock reads at least CONFIRM_AFTER_MS and at most a day past that
 *   reading agrees with it: the clock kept time between the two, and the mark moves to it. A
 *   reading earlier than the noted one, or more than a day past it, starts over.
 * - No mark kept yet (an install from before marks): the newest of the last sweep's end and the
 *   change log's newest time stands in for it, so the update is not itself a jump. Nothing seen
 *   at all (a new account): trusted, and the clock becomes the first mark.
 *
 * Pure: the caller reads and writes the mark and passes `now` from its injected clock.
 */
import { DAY_MS } from './windows';

/** More than this past the trusted mark is a jump. */
export const JUMP_LIMIT_MS = DAY_MS;
/** A jump is believed once a later sweep's clock still agrees this long after the first reading. */
export const CONFIRM_AFTER_MS = 60 * 60 * 1000;
/** Small corrections (a time server nudging the clock back) do not hold a sweep. */
export const BEHIND_SLACK_MS = 5 * 60 * 1000;

/** Persisted between sweeps. */
export interface TimeMark {
  /** The newest time a trusted sweep measured its windows against. */
  readonly trustedAt: number;
  /** The first reading more than a day past `trustedAt`, waiting for a later sweep to agree. */
  readonly pendingAt: number | null;
}

/** Why a sweep deleted nothing; times so the owner can see which clock to check. */
export type ClockHold =
  | { readonly type: 'clock-behind'; readonly clockAt: number; readonly seenAt: number }
  | { readonly type: 'clock-jumped'; readonly clockAt: number; readonly seenAt: number; readonly confirmAfter: number };

export interface ClockJudgement {
  /** Null when the sweep may measure its windows against `now`. */
  readonly hold: ClockHold | null;
  /** What to persist for the next sweep. */
  readonly mark: TimeMark;
}

export interface TimeSeen {
  /** The mark the last sweep persisted; null before the first sweep that kept one. */
  readonly mark: TimeMark | null;
  /** The wall time of the change log's newest HLC timestamp. */
  readonly newestChangeAt: number | null;
  /** When the last sweep ended, by its own clock: used only while no mark is kept. */
  readonly lastSweepAt: number | null;
}

const newest = (...times: readonly (number | null)[]): number | null =>
  times.reduce<number | null>((max, time) => (time === null ? max : Math.max(max ?? time, time)), null);

const trusted = (now: number, trustedAt: number | null): ClockJudgement =>
  ({ hold: null, mark: { trustedAt: Math.max(now, trustedAt ?? now), pendingAt: null } });

export const judgeClock = ({ mark, newestChangeAt, lastSweepAt }: TimeSeen, now: number): ClockJudgement => {
  const trustedAt = mark?.trustedAt ?? newest(lastSweepAt, newestChangeAt);
  if (trustedAt === null) return trusted(now, null);
  const plausibleChangeAt = newestChangeAt !== null && newestChangeAt <= trustedAt + JUMP_LIMIT_MS ? newestChangeAt : null;
  const seenAt = Math.max(trustedAt, plausibleChangeAt ?? trustedAt);
  if (now < seenAt - BEHIND_SLACK_MS) {
    return { hold: { type: 'clock-behind', clockAt: now, seenAt }, mark: { trustedAt, pendingAt: null } };
  }
  if (now <= trustedAt + JUMP_LIMIT_MS) return trusted(now, trustedAt);

  const pendingAt = mark?.pendingAt ?? null;
  const sincePending = pendingAt === null ? -1 : now - pendingAt;
  if (pendingAt !== null && sincePending >= CONFIRM_AFTER_MS && sincePending <= JUMP_LIMIT_MS) return trusted(now, trustedAt);
  // A reading close after the noted one keeps it: frequent sweeps must not push the confirmation away.
  const noted = pendingAt !== null && sincePending >= -BEHIND_SLACK_MS && sincePending < CONFIRM_AFTER_MS ? pendingAt : now;
  return {
    hold: { type: 'clock-jumped', clockAt: now, seenAt: trustedAt, confirmAfter: noted + CONFIRM_AFTER_MS },
    mark: { trustedAt, pendingAt: noted },
  };
};
