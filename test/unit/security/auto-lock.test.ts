import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import {
  ACTIVITY_WRITE_MS, DEFAULT_IDLE_MINUTES, IDLE_CHOICES, IDLE_MINUTES, createActivityMarker, idleExpired,
  keepUnlockedDuring,
} from '../../../core/security/auto-lock';
import { idleLabel } from '../../../components/shared/messages/auto-lock-messages';

const LAST_ACTIVITY = Date.UTC(2025, 2, 3, 9, 0, 0);
const MINUTE = 60_000;

describe('idleExpired', () => {
  it.each(IDLE_MINUTES)('locks after exactly %i idle minutes, not a millisecond before', (minutes) => {
    const policy = { idleMinutes: minutes };
    expect(idleExpired(policy, LAST_ACTIVITY, LAST_ACTIVITY + minutes * MINUTE - 1)).toBe(false);
    expect(idleExpired(policy, LAST_ACTIVITY, LAST_ACTIVITY + minutes * MINUTE)).toBe(true);
  });

  it('never locks for idleness when the owner chose "only when the browser restarts"', () => {
    expect(idleExpired({ idleMinutes: null }, LAST_ACTIVITY, LAST_ACTIVITY + 365 * 24 * 60 * MINUTE)).toBe(false);
  });

  it('does not lock when the clock is behind the last activity', () => {
    expect(idleExpired({ idleMinutes: 1 }, LAST_ACTIVITY, LAST_ACTIVITY - 10 * MINUTE)).toBe(false);
  });
});

describe('idleLabel', () => {
  it('names each choice in words', () => {
    expect(idleLabel(1)).toBe('After 1 minute');
    expect(idleLabel(15)).toBe('After 15 minutes');
    expect(idleLabel(60)).toBe('After 60 minutes');
    expect(idleLabel(null)).toBe('Only when the browser restarts');
  });

  it('gives every choice its own label, and the default is one of the choices', () => {
    expect(new Set(IDLE_CHOICES.map(idleLabel)).size).toBe(IDLE_CHOICES.length);
    expect(IDLE_CHOICES).toContain(DEFAULT_IDLE_MINUTES);
  });
});

describe('a long job keeps the vault unlocked while it moves', () => {
  const policy = { idleMinutes: 5 } as const;

  /** The idle timer as the background's alarm sees it: the session's last activity, checked every minute. */
  const idleTimer = () => {
    const clock = createManualClock(LAST_ACTIVITY);
    let lastActivity = LAST_ACTIVITY;
    const marker = createActivityMarker(clock, (at) => { lastActivity = at; return Promise.resolve(); });
    return { clock, marker, expired: () => idleExpired(policy, lastActivity, clock.now()) };
  };

  it('stays unlocked through a 30-minute import that reports progress each minute, then locks 5 minutes after its end', async () => {
    const { clock, marker, expired } = idleTimer();
    const seen: [number, number][] = [];
    const expiredDuring: number[] = [];
    await keepUnlockedDuring(marker, async (onProgress) => {
      for (let minute = 1; minute <= 30; minute += 1) {
        clock.advance(MINUTE);
        if (expired()) expiredDuring.push(minute);
        onProgress(minute, 30);
        await Promise.resolve();
      }
    }, (done: number, total: number) => seen.push([done, total]));
    expect(expiredDuring).toEqual([]);
    expect(seen).toHaveLength(30);
    expect(seen.at(-1)).toEqual([30, 30]);
    clock.advance(5 * MINUTE - 1);
    expect(expired()).toBe(false);
    clock.advance(1);
    expect(expired()).toBe(true);
  });

  it('counts the end of a job that failed, too', async () => {
    const { clock, marker, expired } = idleTimer();
    const failing = keepUnlockedDuring(marker, () => {
      clock.advance(4 * MINUTE);
      return Promise.reject(new Error('The disk is full.'));
    });
    await expect(failing).rejects.toThrow('The disk is full.');
    clock.advance(4 * MINUTE);
    expect(expired()).toBe(false);
  });

  it('lets auto-lock apply when a job stops reporting progress for longer than the idle time', async () => {
    const { clock, marker, expired } = idleTimer();
    let expiredWhileStuck = false;
    await keepUnlockedDuring(marker, (onProgress) => {
      onProgress(1, 10);
      clock.advance(5 * MINUTE);
      expiredWhileStuck = expired();
      return Promise.resolve();
    });
    expect(expiredWhileStuck).toBe(true);
  });

  it('writes activity at most once per interval while progress comes in bursts', () => {
    const clock = createManualClock(LAST_ACTIVITY);
    const writes: number[] = [];
    const marker = createActivityMarker(clock, (at) => { writes.push(at); return Promise.resolve(); });
    for (let tick = 0; tick < 100; tick += 1) {
      marker.mark();
      clock.advance(100);
    }
    expect(writes.length).toBe(Math.ceil((100 * 100) / ACTIVITY_WRITE_MS));
  });
});
