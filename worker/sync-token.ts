/**
 * A session token of this device for the account's and the team's calls: the running engine's
 * when this worker holds the sync lock, else a session of its own.
 */
import type { Clock } from '../core/clock';
import type { Result } from '../core/result';
import { asFailure } from '../core/sync/engine/relay-problem';
import { createRelaySession } from '../core/sync/engine/relay-session';
import type { RelayTransport, SyncAccountPort, SyncProblem } from '../core/sync/ports';
import type { SyncRunner } from '../platform/sync/sync-runner';

export type TokenSource = () => Promise<Result<string, SyncProblem>>;

export const createTokenSource = (deps: {
  readonly account: SyncAccountPort | null;
  readonly runner: SyncRunner | null;
  readonly transportFor: (relayUrl: string) => RelayTransport;
  readonly clock: Clock;
}): TokenSource => async () => {
  const engine = deps.runner?.engine();
  if (engine) return engine.token();
  const [identity, crypto] = await Promise.all([deps.account?.identity(), deps.account?.crypto()]);
  if (!identity || !crypto) return { ok: false, error: { type: 'not-connected' } };
  try {
    const session = createRelaySession({ transport: deps.transportFor(identity.relayUrl), crypto, team: identity.team, clock: deps.clock });
    return { ok: true, value: (await session.current()).token };
  } catch (error) {
    return { ok: false, error: asFailure(error).problem };
  }
};
