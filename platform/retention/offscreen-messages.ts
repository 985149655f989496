/**
 * The background asks its offscreen document for a sweep; the offscreen document runs it in its
 * worker and answers with the report. A row of the message table (platform/messages/table.ts),
 * which checks both on arrival and lets only the background send it.
 */
import * as v from 'valibot';
import { SweepReportSchema } from '../../worker/sweep/report-store';

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
