/**
 * Single-use WebAuthn challenges. A challenge is accepted once, only if this ledger issued
 * it, and only before it expires; consuming it removes it, so a replayed assertion fails.
 * The ledger lives in memory in the page that runs the ceremony: a reload forgets every
 * outstanding challenge, which only means the user starts the ceremony again.
 */
import type { Clock } from '../clock';
import type { Bytes } from '../vault/types';
import { toBase64Url } from './base64url';

export const CHALLENGE_BYTES = 32;
export const DEFAULT_CHALLENGE_TTL_MS = 120_000;

export interface ChallengeLedgerDeps {
  readonly clock: Clock;
  /** Cryptographically secure bytes, e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`. */
  readonly randomBytes: (length: number) => Bytes;
  readonly ttlMs?: number;
}

export interface ChallengeLedger {
  /** A fresh base64url challenge of 32 random bytes. */
  readonly issue: () => string;
  /** True once for a challenge this ledger issued that has not expired; false ever after. */
  readonly consume: (challenge: string) => boolean;
}

export const createChallengeLedger = ({
  clock, randomBytes, ttlMs = DEFAULT_CHALLENGE_TTL_MS,
}: ChallengeLedgerDeps): ChallengeLedger => {
  const expiresAtByChallenge = new Map<string, number>();

  const forgetExpired = (now: number): void => {
    for (const [challenge, expiresAt] of expiresAtByChallenge) {
      if (expiresAt <= now) expiresAtByChallenge.delete(challenge);
    }
  };

  const issue = (): string => {
    const now = clock.now();
    forgetExpired(now);
    const bytes = randomBytes(CHALLENGE_BYTES);
    // A short or repeating source would make challenges guessable or collide.
    if (bytes.length !== CHALLENGE_BYTES) throw new Error(`randomBytes gave ${bytes.length} bytes, expected ${CHALLENGE_BYTES}`);
    const challenge = toBase64Url(bytes);
    if (expiresAtByChallenge.has(challenge)) throw new Error('randomBytes repeated itself: refusing to reissue a challenge');
    expiresAtByChallenge.set(challenge, now + ttlMs);
    return challenge;
  };

  const consume = (challenge: string): boolean => {
    const expiresAt = expiresAtByChallenge.get(challenge);
    expiresAtByChallenge.delete(challenge);
    return expiresAt !== undefined && clock.now() < expiresAt;
  };

  return { issue, consume };
};
