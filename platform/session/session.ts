import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { fromBase64, toBase64 } from '../../core/vault/bytes';
import type { UnlockedKeys } from '../../core/vault/types';
import { DEFAULT_IDLE_MINUTES, IDLE_MINUTES, type LockPolicy } from '../../core/security/auto-lock';
import { INITIAL_THROTTLE, type ThrottleState } from '../../core/security/unlock-throttle';

/**
 * The unlocked session, in storage.session: memory only, shared by the extension's pages and
 * background, gone when the browser restarts, never visible to content scripts. The lock
 * policy and the failed-attempt count live in storage.local because they must outlive a restart.
 */
const SESSION_KEY = 'locket:session';
const ACTIVITY_KEY = 'locket:last-activity';
const POLICY_KEY = 'locket:lock-policy';
const THROTTLE_KEY = 'locket:unlock-throttle';
/** The side panel's first screens, each sealed under the account key (core/first-page): gone with the session. */
export const FIRST_SCREEN_KEYS = { people: 'locket:first-page', tasks: 'locket:first-tasks', board: 'locket:first-board' } as const;

const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const SessionSchema = v.object({ accountKey: Base64, factorSecret: v.nullable(Base64) });
const PolicySchema = v.object({ idleMinutes: v.nullable(v.picklist(IDLE_MINUTES)) });
const ThrottleSchema = v.object({ failures: v.pipe(v.number(), v.integer(), v.minValue(0)), notBefore: v.number() });

const keysOf = (stored: unknown): UnlockedKeys | null => {
  const parsed = v.safeParse(SessionSchema, stored);
  if (!parsed.success) return null;
  return {
    accountKey: fromBase64(parsed.output.accountKey),
    factorSecret: parsed.output.factorSecret === null ? null : fromBase64(parsed.output.factorSecret),
  };
};
const activityOf = (stored: unknown): number | null => (typeof stored === 'number' ? stored : null);

export const readSessionKeys = async (): Promise<UnlockedKeys | null> =>
  keysOf((await browser.storage.session.get(SESSION_KEY))[SESSION_KEY]);

/**
 * The session's keys and last activity with one more of its values, in one read: a page's
 * first paint waits on it, and each read of storage.session is a round trip to the browser.
 */
export const readSessionWith = async (key: string): Promise<{ keys: UnlockedKeys | null; lastActivity: number | null; value: unknown }> => {
  const stored = await browser.storage.session.get([SESSION_KEY, ACTIVITY_KEY, key]);
  return { keys: keysOf(stored[SESSION_KEY]), lastActivity: activityOf(stored[ACTIVITY_KEY]), value: stored[key] };
};

export const writeSessionKeys = (keys: UnlockedKeys, now: number): Promise<void> =>
  browser.storage.session.set({
    [SESSION_KEY]: { accountKey: toBase64(keys.accountKey), factorSecret: keys.factorSecret && toBase64(keys.factorSecret) },
    [ACTIVITY_KEY]: now,
  });

/** Locks every surface at once: each one hears the key go. */
export const lockSession = (): Promise<void> => browser.storage.session.remove([SESSION_KEY, ACTIVITY_KEY, ...Object.values(FIRST_SCREEN_KEYS)]);

/** Calls `listener` whenever the session is unlocked or locked, in any context. */
export const onSessionChange = (listener: () => void): (() => void) => {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && SESSION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
};

export const readLastActivity = async (): Promise<number | null> =>
  activityOf((await browser.storage.session.get(ACTIVITY_KEY))[ACTIVITY_KEY]);

export const touchActivity = (now: number): Promise<void> => browser.storage.session.set({ [ACTIVITY_KEY]: now });

const policyOf = (stored: unknown): LockPolicy => {
  const parsed = v.safeParse(PolicySchema, stored);
  return parsed.success ? parsed.output : { idleMinutes: DEFAULT_IDLE_MINUTES };
};

export const readLockPolicy = async (): Promise<LockPolicy> => policyOf((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]);

/** The lock policy with one more value of storage.local, in one read (as readSessionWith). */
export const readLockPolicyWith = async (key: string): Promise<{ policy: LockPolicy; value: unknown }> => {
  const stored = await browser.storage.local.get([POLICY_KEY, key]);
  return { policy: policyOf(stored[POLICY_KEY]), value: stored[key] };
};

export const writeLockPolicy = (policy: LockPolicy): Promise<void> => browser.storage.local.set({ [POLICY_KEY]: policy });

export const readThrottle = async (): Promise<ThrottleState> => {
  const parsed = v.safeParse(ThrottleSchema, (await browser.storage.local.get(THROTTLE_KEY))[THROTTLE_KEY]);
  return parsed.success ? parsed.output : INITIAL_THROTTLE;
};

export const writeThrottle = (state: ThrottleState): Promise<void> => browser.storage.local.set({ [THROTTLE_KEY]: state });

/**
 * Forgets everything a deleted account left beside its database (the lock policy, the failed
 * attempts, the session), so the next start is a first run. Called by whichever context sees a
 * sweep report with `accountDeleted`: the sweep worker itself has no `browser.*`.
 */
export const forgetLocalAccountState = async (): Promise<void> => {
  await Promise.all([browser.storage.local.remove([POLICY_KEY, THROTTLE_KEY]), browser.storage.session.clear()]);
};
