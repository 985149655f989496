/**
 * A session token of this device for the account's and the team's calls: the running engine's,
 * here or lent by the worker that holds the sync lock, else a session of its own.
 */
import type { Clock } from '../core/clock';
import type { Result } from '../core/result';
import { asFailure } from '../core/sync/engine/relay-problem';
import { createRelaySession, type RelaySession } from '../core/sync/engine/relay-session';
import type { RelayTransport, SyncAccountPort, SyncProblem } from '../core/sync/ports';
import type { SyncRunner } from '../platform/sync/sync-runner';

export type TokenSource = () => Promise<Result<string, SyncProblem>>;

interface SessionDeps {
  readonly account: SyncAccountPort | null;
  readonly runner: SyncRunner | null;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly clock: Clock;
}

/** A relay session of this device in this worker, apart from the engine's; null without a sync identity. */
export const ownRelaySession = async (deps: Omit<SessionDeps, 'runner'>): Promise<RelaySession | null> => {
  const [identity, crypto] = await Promise.all([deps.account?.identity(), deps.account?.crypto()]);
  if (!identity || !crypto) return null;
  return createRelaySession({ transport: deps.transportFor(identity.relayUrl), crypto, team: identity.team, clock: deps.clock });
};

export const createTokenSource = (deps: SessionDeps): TokenSource => async () => {
  const engine = deps.runner?.engine();
  if (engine) return engine.token();
  // The worker running sync lends its session: under the team's two-factor rule only a session a key verified is served.
  const lent = await deps.runner?.borrowToken();
  if (lent) return lent;
  const session = await ownRelaySession(deps);
  if (!session) return { ok: false, error: { type: 'not-connected' } };
  try {
    return { ok: true, value: (await session.current()).token };
  } catch (error) {
    return { ok: false, error: asFailure(error).problem };
  }
};
