/**
 * The one contract between the background and its offscreen document: the background asks
 * for a sweep, the offscreen document runs it in its worker and answers with the report.
 * Both ends validate what arrives, and the offscreen document answers only this extension.
 */
import * as v from 'valibot';
import { SweepReportSchema } from '../../worker/sweep/report-store';
import { isOwnExtensionPage, type MessageSenderFacts } from '../capture/capture-messages';

export const SWEEP_MESSAGE = 'locket:sweep';

/** The account key, standard base64 of 32 bytes. */
const AccountKeyBase64 = v.pipe(v.string(), v.length(44), v.regex(/^[A-Za-z0-9+/]{43}=$/));

export const OffscreenSweepRequestSchema = v.strictObject({
  type: v.literal(SWEEP_MESSAGE),
  trigger: v.picklist(['page', 'alarm', 'manual']),
  /** Only while the session is unlocked; null lets a locked sweep do everything that needs no key. */
  accountKey: v.nullable(AccountKeyBase64),
});
export type OffscreenSweepRequest = v.InferOutput<typeof OffscreenSweepRequestSchema>;

export const OffscreenSweepReplySchema = v.variant('ok', [
  /** report is null when another context's sweep held the lock. */
  v.strictObject({ ok: v.literal(true), report: v.nullable(SweepReportSchema) }),
  v.strictObject({ ok: v.literal(false), reason: v.pipe(v.string(), v.maxLength(1000)) }),
]);
export type OffscreenSweepReply = v.InferOutput<typeof OffscreenSweepReplySchema>;

/**
 * Only this extension's own contexts (the background) may ask: a content script's message
 * carries a web page's origin, and web pages cannot message at all (no externally_connectable).
 */
export const isFromThisExtension = (sender: MessageSenderFacts, extensionId: string, extensionOrigin: string): boolean =>
  isOwnExtensionPage(sender, extensionId, extensionOrigin);
