/**
 * The relay's team routes as Results of TeamProblem: a refused entry comes back with the log's
 * reason (the relay runs the same core/team rules every device runs), so an expired or used
 * invite reads as such rather than as a bare refusal.
 */
import * as v from 'valibot';
import type { Result } from '../result';
import type { RelayTransport } from '../sync/ports';
import { RefusalSchema } from '../sync/protocol';
import type { TeamProblem } from '../team/team-view';

export type TeamAnswer<T> = Result<T, TeamProblem>;

export const teamFail = (problem: TeamProblem): { readonly ok: false; readonly error: TeamProblem } => ({ ok: false, error: problem });

/** The log refusal's type from the relay's detail (`invite-expired at 4: …`). */
const refusalType = (detail: string | undefined): string => detail?.split(/[\s:]/)[0] ?? 'invalid';

/** A log refusal (core/team/refusals.ts) as the page's problem: the ones a person can act on by name, the rest by reason. */
export const problemOfRefusal = (reason: string): TeamProblem => {
  if (reason === 'invite-expired') return { type: 'invite-expired' };
  if (reason === 'invite-used') return { type: 'invite-used' };
  if (reason === 'role-forbidden') return { type: 'role-forbidden' };
  return { type: 'log-refused', reason };
};

const problemOf = (status: number, body: unknown): TeamProblem => {
  const refusal = v.safeParse(RefusalSchema, body);
  if (!refusal.success) return status >= 500 ? { type: 'relay-unreachable' } : { type: 'relay-refused', code: `http-${status}` };
  const { error, detail } = refusal.output;
  switch (error) {
    case 'removed': return { type: 'removed' };
    case 'version': return { type: 'version' };
    case 'unavailable': return { type: 'relay-unreachable' };
    case 'role_forbidden': return { type: 'role-forbidden' };
    case 'stale_head': return { type: 'log-refused', reason: 'stale-head' };
    case 'bad_signature': return { type: 'log-refused', reason: 'forged-signature' };
    case 'invalid_entry': return problemOfRefusal(refusalType(detail));
    default: return { type: 'relay-refused', code: error };
  }
};

export const isStaleHead = (problem: TeamProblem): boolean => problem.type === 'log-refused' && problem.reason === 'stale-head';

export const teamCall = async <T extends v.GenericSchema>(
  transport: RelayTransport, path: string, init: { readonly body?: unknown; readonly token?: string }, schema: T,
): Promise<TeamAnswer<v.InferOutput<T>>> => {
  let answer: { status: number; body: unknown };
  try {
    answer = await transport.request(path, init);
  } catch {
    return teamFail({ type: 'relay-unreachable' });
  }
  if (answer.status !== 200) return teamFail(problemOf(answer.status, answer.body));
  const parsed = v.safeParse(schema, answer.body);
  return parsed.success ? { ok: true, value: parsed.output } : teamFail({ type: 'relay-refused', code: 'bad_reply' });
};
