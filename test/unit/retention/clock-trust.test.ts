import { describe, expect, it } from 'vitest';
import { BEHIND_SLACK_MS, CONFIRM_AFTER_MS, judgeClock, type TimeSeen } from '../../../core/retention/clock-trust';
import { DAY_MS } from '../../../core/retention/windows';

const T = Date.UTC(2026, 0, 10, 9);
const HOUR = 60 * 60 * 1000;
const seen = (trustedAt: number | null, more: Partial<TimeSeen> = {}): TimeSeen =>
  ({ mark: trustedAt === null ? null : { trustedAt, pendingAt: null }, newestChangeAt: null, lastSweepAt: null, ...more });

describe('judging a sweep’s clock', () => {
  it.each([
    ['an hour past the mark', seen(T), T + HOUR, null],
    ['a day past the mark, exactly', seen(T), T + DAY_MS, null],
    ['a day and a minute past the mark', seen(T), T + DAY_MS + 60_000, 'clock-jumped'],
    ['60 days past the mark', seen(T), T + 60 * DAY_MS, 'clock-jumped'],
    ['a few minutes behind the mark', seen(T), T - BEHIND_SLACK_MS, null],
    ['an hour behind the mark', seen(T), T - HOUR, 'clock-behind'],
    ['behind a change saved since the last sweep', seen(T, { newestChangeAt: T + 3 * HOUR }), T + HOUR, 'clock-behind'],
    ['behind a change stamped more than a day past the mark (made under a clock that jumped)', seen(T, { newestChangeAt: T + 60 * DAY_MS }), T + HOUR, null],
    ['the first sweep of a new account', seen(null), T, null],
    ['the first sweep with marks, 60 days past the last sweep before them', seen(null, { lastSweepAt: T }), T + 60 * DAY_MS, 'clock-jumped'],
    ['the first sweep with marks, behind the newest change', seen(null, { newestChangeAt: T }), T - DAY_MS, 'clock-behind'],
  ] as const)('%s', (_, time, now, hold) => {
    expect(judgeClock(time, now).hold?.type ?? null).toBe(hold);
  });

  it('never moves the mark back, and moves it up to a trusted clock', () => {
    expect(judgeClock(seen(T), T - HOUR).mark.trustedAt).toBe(T);
    expect(judgeClock(seen(T), T - 60_000).mark.trustedAt).toBe(T);
    expect(judgeClock(seen(T), T + HOUR).mark).toEqual({ trustedAt: T + HOUR, pendingAt: null });
  });

  it('believes a jump only when a later reading agrees, between an hour and a day after the first', () => {
    const jumped = T + 21 * DAY_MS;
    const first = judgeClock(seen(T), jumped);
    expect(first.mark).toEqual({ trustedAt: T, pendingAt: jumped });

    const soon = judgeClock({ ...seen(T), mark: first.mark }, jumped + 10 * 60_000);
    expect(soon.hold?.type).toBe('clock-jumped');
    expect(soon.mark.pendingAt).toBe(jumped);

    const agreed = judgeClock({ ...seen(T), mark: first.mark }, jumped + CONFIRM_AFTER_MS);
    expect(agreed).toEqual({ hold: null, mark: { trustedAt: jumped + CONFIRM_AFTER_MS, pendingAt: null } });

    const further = judgeClock({ ...seen(T), mark: first.mark }, jumped + 2 * DAY_MS);
    expect(further.hold?.type).toBe('clock-jumped');
    expect(further.mark.pendingAt).toBe(jumped + 2 * DAY_MS);

    // Put right: back within a day of the mark, trusted again, and the noted reading forgotten.
    expect(judgeClock({ ...seen(T), mark: first.mark }, T + 2 * HOUR)).toEqual({ hold: null, mark: { trustedAt: T + 2 * HOUR, pendingAt: null } });
  });
});
