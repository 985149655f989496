/**
 * The receiving end of the message table. One router per context serves the rows that context
 * handles and refuses by default: an unknown name, a sender the row does not list, or a request
 * that does not match its schema is answered with a coded refusal, logged, and nothing is done.
 */
import * as v from 'valibot';
import type { Answer, Refusal } from './answer';
import { messageTable, rowFor, type ArrivedRequest, type MessageName, type ReplyOf } from './table';
import { senderRole, type ExtensionIdentity, type MessageSenderFacts, type SenderRole } from './senders';

/** A context's handlers for the rows it serves; the table has already checked sender and request. */
export type MessageHandlers<N extends MessageName = MessageName> = {
  readonly [K in N]: (request: ArrivedRequest<K>, sender: SenderRole) => Promise<ReplyOf<K>>;
};

export interface MessageRouterDeps {
  readonly self: ExtensionIdentity;
  /** Where refusals are noted; never given the message's content, which may hold a key. */
  readonly log: (line: string) => void;
}

/**
 * Null means "not for this context": the row exists but another context serves it (every
 * context of the extension hears every message), so this one stays silent and lets it answer.
 */
export type MessageRoute = (message: unknown, sender: MessageSenderFacts) => Promise<Answer> | null;

const MAX_LOGGED_NAME = 100;

const nameOf = (message: unknown): unknown =>
  typeof message === 'object' && message !== null && 'type' in message ? message.type : undefined;

const describeSender = (sender: MessageSenderFacts): string =>
  (sender.origin ?? (sender.url === undefined ? 'no origin' : URL.canParse(sender.url) ? new URL(sender.url).origin : 'a bad url'));

export const createMessageRouter = <N extends MessageName>(handlers: MessageHandlers<N>, deps: MessageRouterDeps): MessageRoute => {
  const refuse = (refusal: Refusal, name: unknown, sender: MessageSenderFacts, cause?: unknown): Promise<Answer> => {
    const shownName = typeof name === 'string' ? name.slice(0, MAX_LOGGED_NAME) : typeof name;
    const because = cause === undefined ? '' : `: ${cause instanceof Error ? cause.message : String(cause)}`;
    deps.log(`refused ${shownName} from ${describeSender(sender)} (${refusal})${because}`);
    return Promise.resolve({ refused: refusal });
  };

  const answer = async (name: N, request: unknown, role: SenderRole, sender: MessageSenderFacts): Promise<Answer> => {
    // The handler's own type says what it returns; the row's schema is checked anyway, so a
    // reply never carries more than its row allows (a stray key, a thrown error's text).
    const handle = handlers[name] as (request: unknown, sender: SenderRole) => Promise<unknown>;
    let reply: unknown;
    try {
      reply = await handle(request, role);
    } catch (error) {
      return refuse('failed', name, sender, error);
    }
    const checked = v.safeParse(messageTable[name].reply, reply);
    return checked.success ? { reply: checked.output } : refuse('failed', name, sender, 'its reply did not match its row');
  };

  return (message, sender) => {
    const name = nameOf(message);
    const row = rowFor(name);
    if (row === null) return refuse('unknown-message', name, sender);
    if (!Object.hasOwn(handlers, name as string)) return null;
    const role = senderRole(sender, deps.self);
    if (role === null || !row.senders.includes(role)) return refuse('sender-not-allowed', name, sender);
    const request = v.safeParse(row.request, message);
    if (!request.success) return refuse('bad-request', name, sender);
    return answer(name as N, request.output, role, sender);
  };
};
