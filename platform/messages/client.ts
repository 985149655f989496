/**
 * The sending end of the message table: send(name, request) names a row, sends the request
 * under that name, and checks the answer against the row before anyone reads it.
 */
import * as v from 'valibot';
import type { Result } from '../../core/result';
import { AnswerSchema, type Refusal } from './answer';
import { messageTable, type MessageName, type ReplyOf, type RequestOf } from './table';

export type SendFailure =
  /** The receiver refused it and did nothing. */
  | { readonly type: Refusal }
  /** No context listens yet (Chromium: "Receiving end does not exist"), e.g. a document still starting. */
  | { readonly type: 'no-receiver' }
  /** The browser could not deliver it, or the receiver went away before answering. */
  | { readonly type: 'not-delivered'; readonly detail: string }
  /** The answer is not one the row allows. */
  | { readonly type: 'bad-reply' };

/** Hands a message to the browser and resolves with whatever answer comes back. */
export type MessageTransport = (message: unknown) => Promise<unknown>;

export type SendMessage = <N extends MessageName>(name: N, request: RequestOf<N>) => Promise<Result<ReplyOf<N>, SendFailure>>;

const NO_RECEIVER = /Receiving end does not exist/;
const MAX_DETAIL = 200;

export const createMessageSender = (transport: MessageTransport): SendMessage => async (name, request) => {
  const row = messageTable[name];
  const message = { ...request, type: name };
  // Checked before it leaves, so a request the receiver would refuse is not sent at all.
  if (!v.is(row.request, message)) return { ok: false, error: { type: 'bad-request' } };
  let raw: unknown;
  try {
    // Sent before anything is awaited: a popup that closes right after the click still sends it.
    raw = await transport(message);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, MAX_DETAIL);
    return { ok: false, error: NO_RECEIVER.test(detail) ? { type: 'no-receiver' } : { type: 'not-delivered', detail } };
  }
  const answer = v.safeParse(AnswerSchema, raw);
  if (!answer.success) return { ok: false, error: { type: 'bad-reply' } };
  if ('refused' in answer.output) return { ok: false, error: { type: answer.output.refused } };
  const reply = v.safeParse(row.reply, answer.output.reply);
  return reply.success ? { ok: true, value: reply.output as ReplyOf<typeof name> } : { ok: false, error: { type: 'bad-reply' } };
};
