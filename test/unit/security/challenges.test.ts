import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../core/clock';
import { fromBase64Url } from '../../../core/security/base64url';
import { createChallengeLedger } from '../../../core/security/challenges';

const START = Date.UTC(2025, 0, 1);
const secureBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

const setup = (ttlMs?: number) => {
  const clock = createManualClock(START);
  const ledger = createChallengeLedger(ttlMs === undefined ? { clock, randomBytes: secureBytes } : { clock, randomBytes: secureBytes, ttlMs });
  return { clock, ledger };
};

describe('challenge ledger', () => {
  it('issues base64url challenges of 32 random bytes, never the same twice', () => {
    const { ledger } = setup();
    const issued = Array.from({ length: 50 }, () => ledger.issue());
    expect(new Set(issued).size).toBe(50);
    for (const challenge of issued) expect(fromBase64Url(challenge)?.length).toBe(32);
  });

  it('accepts a challenge once: consuming it again (a replay) fails', () => {
    const { ledger } = setup();
    const challenge = ledger.issue();
    expect(ledger.consume(challenge)).toBe(true);
    expect(ledger.consume(challenge)).toBe(false);
  });

  it('refuses a challenge it did not issue, including one issued by another ledger', () => {
    const { ledger } = setup();
    const other = setup().ledger;
    ledger.issue();
    expect(ledger.consume(other.issue())).toBe(false);
    expect(ledger.consume('not-a-challenge')).toBe(false);
  });

  it('expires challenges after two minutes by default', () => {
    const { clock, ledger } = setup();
    const early = ledger.issue();
    const late = ledger.issue();
    clock.advance(119_999);
    expect(ledger.consume(early)).toBe(true);
    clock.advance(1);
    expect(ledger.consume(late)).toBe(false);
  });

  it('honours a custom lifetime, and an expired challenge stays refused', () => {
    const { clock, ledger } = setup(5_000);
    const challenge = ledger.issue();
    clock.advance(5_000);
    expect(ledger.consume(challenge)).toBe(false);
    clock.set(START);
    expect(ledger.consume(challenge)).toBe(false);
  });

  it('refuses to issue from a random source that gives the wrong length or repeats itself', () => {
    const clock = createManualClock(START);
    expect(() => createChallengeLedger({ clock, randomBytes: () => new Uint8Array(16) }).issue()).toThrow(/expected 32/);
    const stuck = createChallengeLedger({ clock, randomBytes: (n) => new Uint8Array(n) });
    stuck.issue();
    expect(() => stuck.issue()).toThrow(/repeated/);
  });
});
