/** What crosses back to the sender of a message: the row's reply, or a coded refusal with nothing done. */
import * as v from 'valibot';

export const REFUSALS = [
  /** The name is not a row of the table. */
  'unknown-message',
  /** The row does not list the sender's context. */
  'sender-not-allowed',
  /** The request does not match the row's schema. */
  'bad-request',
  /** The receiver could not answer (its handler failed, or gave a reply its row does not allow). */
  'failed',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export const AnswerSchema = v.union([
  v.strictObject({ reply: v.unknown() }),
  v.strictObject({ refused: v.picklist(REFUSALS) }),
]);
export type Answer = v.InferOutput<typeof AnswerSchema>;
