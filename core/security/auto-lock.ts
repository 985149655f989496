/** How long Locket may sit unused before it locks; `null` locks only when the browser restarts. */
export const IDLE_MINUTES = [1, 5, 15, 60] as const;
export type IdleMinutes = (typeof IDLE_MINUTES)[number] | null;
export const IDLE_CHOICES: readonly IdleMinutes[] = [...IDLE_MINUTES, null];
export const DEFAULT_IDLE_MINUTES: IdleMinutes = 15;

export interface LockPolicy {
  readonly idleMinutes: IdleMinutes;
}

/** True when the session has been idle longer than the policy allows. The session key never outlives a browser restart either way. */
export const idleExpired = (policy: LockPolicy, lastActivityAt: number, now: number): boolean =>
  policy.idleMinutes !== null && now - lastActivityAt >= policy.idleMinutes * 60_000;

export const idleLabel = (minutes: IdleMinutes): string =>
  minutes === null ? 'Only when the browser restarts' : minutes === 1 ? 'After 1 minute' : `After ${minutes} minutes`;
