/**
 * Unlock attempts started together from several pages: each page has its own Access over the
 * same storage and the same profile-wide lock, as the popup, side panel and options page do.
 */
import { describe, expect, it } from 'vitest';
import { createAccess, type Access } from '../../../core/vault/access';
import type { AccessPorts } from '../../../core/vault/access-ports';
import type { VaultDeps } from '../../../core/vault/deps';
import { createMemoryLock, withAccount, type AccessHarness } from './access-harness';

const WRONG = 'walrus tundra violin lamb';
const PAGES = 4;
const ATTEMPTS_PER_PAGE = 5;
const ATTEMPTS = PAGES * ATTEMPTS_PER_PAGE;
const HOUR = 60 * 60 * 1000;

interface DerivationWatch {
  /** Password stretches started so far (PBKDF2 runs; the HKDF steps after it are not counted). */
  readonly started: () => number;
  /** The most stretches that were running at the same moment. */
  readonly mostAtOnce: () => number;
}

/**
 * WebCrypto with PBKDF2 watched: `during` runs inside each stretch, after the real work and
 * before its result is handed back (a page closed mid-stretch never finishes it).
 */
const watchedDeps = (deps: VaultDeps, during: () => Promise<void> = () => Promise.resolve()) => {
  let started = 0;
  let running = 0;
  let mostAtOnce = 0;
  const deriveBits: SubtleCrypto['deriveBits'] = async (algorithm, key, length) => {
    const pbkdf2 = typeof algorithm === 'object' && algorithm.name === 'PBKDF2';
    if (!pbkdf2) return deps.subtle.deriveBits(algorithm, key, length);
    started += 1;
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      const bits = await deps.subtle.deriveBits(algorithm, key, length);
      await during();
      return bits;
    } finally {
      running -= 1;
    }
  };
  const subtle = new Proxy(deps.subtle, {
    get: (target, name) => {
      if (name === 'deriveBits') return deriveBits;
      const value: unknown = Reflect.get(target, name);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const watch: DerivationWatch = { started: () => started, mostAtOnce: () => mostAtOnce };
  return { deps: { ...deps, subtle }, watch };
};

/** Every page sends ATTEMPTS_PER_PAGE wrong passwords at once; all pages start together. */
const guessFromEveryPage = (pages: readonly Access[]) =>
  Promise.all(pages.flatMap((page) => Array.from({ length: ATTEMPTS_PER_PAGE }, () => page.unlock(WRONG))));

const pagesOf = (harness: AccessHarness, deps: VaultDeps, oneAtATime = harness.ports.oneAtATime): Access[] =>
  Array.from({ length: PAGES }, () => createAccess({ ...harness.ports, deps, oneAtATime }));

const outcomes = async (harness: AccessHarness) => {
  const counts = { success: 0, failure: 0, throttled: 0 };
  for (const attempt of await harness.logins()) counts[attempt.outcome] += 1;
  return counts;
};

describe('unlock attempts started together from several pages', () => {
  it('checks one wrong password and refuses the rest until its wait is over, recording every attempt', async () => {
    const harness = await withAccount();
    harness.lock();
    const { deps, watch } = watchedDeps(harness.ports.deps);
    const before = await outcomes(harness);
    const results = await guessFromEveryPage(pagesOf(harness, deps));
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(watch.started()).toBe(1);
    expect(harness.throttle().failures).toBe(1);
    const after = await outcomes(harness);
    expect(after.failure - before.failure).toBe(1);
    expect(after.throttled - before.throttled).toBe(ATTEMPTS - 1);
  });

  it('counts every wrong password it checks, one at a time, when each waits out the last one\'s delay', async () => {
    const harness = await withAccount();
    harness.lock();
    const { deps, watch } = watchedDeps(harness.ports.deps);
    const lock = createMemoryLock();
    // Each turn comes an hour after the last, longer than any wait before the long pause.
    const oneAtATime: AccessPorts['oneAtATime'] = (task) => lock(() => { harness.clock.advance(HOUR); return task(); });
    const before = await outcomes(harness);
    await guessFromEveryPage(pagesOf(harness, deps, oneAtATime));
    expect(watch.started()).toBe(ATTEMPTS);
    expect(watch.mostAtOnce()).toBe(1);
    expect(harness.throttle().failures).toBe(ATTEMPTS);
    expect((await outcomes(harness)).failure - before.failure).toBe(ATTEMPTS);
  });

  it('counts an attempt before its stretch ends, so closing the page mid-way does not undo it', async () => {
    const harness = await withAccount();
    harness.lock();
    let stretching = () => {};
    const reached = new Promise<void>((resolve) => { stretching = resolve; });
    // The page is closed while the stretch runs: it never finishes.
    const { deps } = watchedDeps(harness.ports.deps, () => { stretching(); return new Promise<void>(() => {}); });
    void createAccess({ ...harness.ports, deps }).unlock(WRONG);
    await reached;
    expect(harness.throttle().failures).toBe(1);
    expect(harness.throttle().notBefore).toBeGreaterThan(harness.clock.now());
  });
});
