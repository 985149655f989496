import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_MINUTES, IDLE_CHOICES, IDLE_MINUTES, idleExpired, idleLabel } from '../../../core/security/auto-lock';

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
