/**
 * How the engine tells a relay's refusal from a network failure, and which of them are final.
 * Problems are codes only (core/sync/ports.ts); the page words them.
 */
import * as v from 'valibot';
import type { SyncProblem } from '../ports';
import { RefusalSchema } from '../protocol';

/** Thrown inside the engine and caught by its loop, which turns it into the status's problem. */
export class SyncFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    /** The relay asked for this pause before the next try (Retry-After), in milliseconds. */
    readonly retryAfterMs = 0,
  ) {
    super(problem.type);
  }
}

/** A relay answer that is not a success: its refusal code when it sent one, else unreachable. */
export const problemOfAnswer = (status: number, body: unknown): SyncProblem => {
  const refusal = v.safeParse(RefusalSchema, body);
  if (!refusal.success) return status >= 500 || status === 429 ? { type: 'relay-unreachable' } : { type: 'relay-refused', code: `http-${status}` };
  switch (refusal.output.error) {
    case 'removed': return { type: 'removed' };
    case 'version': return { type: 'version' };
    // Shutting down or overloaded: the same as not answering, and retried the same way.
    case 'unavailable': return { type: 'relay-unreachable' };
    case 'two_factor_required': return { type: 'two-factor-required' };
    case 'two_factor_not_registered': return { type: 'two-factor-not-registered' };
    default: return { type: 'relay-refused', code: refusal.output.error };
  }
};

/** A relay answer that does not match its schema: the relay (or something posing as it) is not speaking the protocol. */
export const malformedAnswer = (): SyncFailure => new SyncFailure({ type: 'relay-refused', code: 'bad_answer' });

/** Parses what the relay sent with its schema; anything else is refused, never used. */
export const parseAnswer = <S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> => {
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw malformedAnswer();
  return parsed.output;
};

/**
 * Codes after which trying again cannot help until the user acts (update, re-pair, reconnect).
 * `too_large`: push already sends a set alone when it is big, so the same bytes would be refused again.
 */
const FINAL_REFUSALS = new Set(['unknown_device', 'forbidden', 'too_large']);

/** Two-factor waits for the member's security key, which only a visible page can ask for. */
export const isFinalProblem = (problem: SyncProblem): boolean =>
  problem.type === 'removed' || problem.type === 'version' || problem.type === 'two-factor-required' || problem.type === 'two-factor-not-registered'
  || (problem.type === 'relay-refused' && FINAL_REFUSALS.has(problem.code));

/** The relay refused for a fair-use limit: not a failure of the relay, and the wait it asked for is all there is to do. */
export const isRateLimited = (failure: SyncFailure): boolean =>
  failure.problem.type === 'relay-refused' && failure.problem.code === 'rate_limited';

export const asFailure = (error: unknown): SyncFailure =>
  error instanceof SyncFailure ? error : new SyncFailure({ type: 'relay-unreachable' });
