/**
 * The one table of messages between Locket's contexts. Each row names a message and says what
 * its request and reply look like and who may send it; the router refuses every message that
 * is not a row here, comes from a sender its row does not list, or does not match its schema.
 * Add a row here when a new message ships (the relay's and the team's will be rows too).
 */
import type * as v from 'valibot';
import { CAPTURE_ACTIVE_TAB_MESSAGE, CaptureActiveTabRequestSchema, CaptureOutcomeSchema } from '../capture/capture-messages';
import { OffscreenSweepReplySchema, OffscreenSweepRequestSchema, SWEEP_MESSAGE } from '../retention/offscreen-messages';
import type { SenderRole } from './senders';

export interface MessageRow {
  /** The message as it arrives, its `type` (the row's name) included; a strict object, so nothing rides along. */
  readonly request: v.GenericSchema;
  /** What the receiver answers; the sender checks it too, since a reply crosses the same boundary. */
  readonly reply: v.GenericSchema;
  /** Who may send it. Anyone else is refused before the request is read. */
  readonly senders: readonly SenderRole[];
}

export const messageTable = {
  /** The popup's "Capture this page": the background captures the tab the popup was opened over. */
  [CAPTURE_ACTIVE_TAB_MESSAGE]: { request: CaptureActiveTabRequestSchema, reply: CaptureOutcomeSchema, senders: ['page'] },
  /** The background's scheduled sweep, run by the offscreen document in its worker. */
  [SWEEP_MESSAGE]: { request: OffscreenSweepRequestSchema, reply: OffscreenSweepReplySchema, senders: ['background'] },
} as const satisfies Record<string, MessageRow>;

export type MessageTable = typeof messageTable;
export type MessageName = keyof MessageTable;
/** The request as it arrives, name included. */
export type ArrivedRequest<N extends MessageName> = v.InferOutput<MessageTable[N]['request']>;
/** What a caller passes to send(): the request without its name, which send() adds. */
export type RequestOf<N extends MessageName> = Omit<ArrivedRequest<N>, 'type'>;
export type ReplyOf<N extends MessageName> = v.InferOutput<MessageTable[N]['reply']>;

/** The row for a name that arrived from outside, or null when the table has none. */
export const rowFor = (name: unknown): MessageRow | null =>
  typeof name === 'string' && Object.hasOwn(messageTable, name) ? messageTable[name as MessageName] : null;
