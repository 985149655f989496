/**
 * The poke socket: `hello` with the session token as its first frame, then only `welcome`, `poke`,
 * `members`, `error` and `rate_limited` frames, each validated. Data never moves here: a missed poke costs latency only.
 */
import * as v from 'valibot';
import type { RelayTransport } from '../ports';
import { PROTOCOL_VERSION, ServerFrameSchema } from '../protocol';
import { problemOfAnswer, SyncFailure } from './relay-problem';

export interface PokeHandlers {
  /** The relay's head now (welcome or poke), and its instance when it said (welcome). */
  readonly onHead: (head: number, relayInstance: string | null) => void;
  /** The team's membership log moved (a member joined or left, the key rotated): read it before the next push. */
  readonly onMembers?: (seq: number) => void;
  /** The socket ended: refused (with why) or dropped (null). */
  readonly onEnd: (failure: SyncFailure | null) => void;
}

export const openPokeSocket = (transport: RelayTransport, token: string, handlers: PokeHandlers): { readonly close: () => void } => {
  let ended = false;
  let refusal: SyncFailure | null = null;
  const end = (): void => {
    if (ended) return;
    ended = true;
    handlers.onEnd(refusal);
  };
  const socket = transport.openSocket({
    onOpen: (send) => send({ type: 'hello', v: PROTOCOL_VERSION, token }),
    onFrame: (data) => {
      const frame = v.safeParse(ServerFrameSchema, data);
      if (!frame.success) return;
      const { output } = frame;
      if (output.type === 'welcome') handlers.onHead(output.head, output.relayInstance);
      else if (output.type === 'poke') handlers.onHead(output.head, null);
      else if (output.type === 'members') handlers.onMembers?.(output.seq);
      else if (output.type === 'rate_limited') refusal = new SyncFailure({ type: 'relay-refused', code: 'rate_limited' }, output.retryAfter * 1000);
      else refusal = new SyncFailure(problemOfAnswer(output.error === 'unauthorized' ? 401 : 400, { error: output.error }));
    },
    onClose: end,
  });
  return {
    close: () => {
      // A close we asked for is not news to the engine.
      ended = true;
      socket.close();
    },
  };
};
