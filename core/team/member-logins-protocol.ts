/**
 * The relay's word on a team's recent logins (issue 13), shared by the relay and the extension:
 *
 *   GET  /v1/team/sessions   bearer, owner or admin  → { sessions }   sessions the relay opened, newest first
 *   POST /v1/team/unlocks    bearer, any member      { unlocks }  → { stored }
 *   GET  /v1/team/unlocks    bearer, owner or admin  → { unlocks }    sealed unlock reports, newest first
 *
 * The relay learns of an unlock only the device, the hour it fell in and the epoch it was sealed
 * under; the exact time travels sealed under the team key (core/team/unlock-seal.ts).
 */
import * as v from 'valibot';
import { DeviceIdSchema } from '../sync/protocol';
import { MemberIdSchema } from './schemas';

/** At most this many unlock reports in one request; a device's queue is bounded by it too. */
export const MAX_UNLOCKS_PER_REPORT = 50;
/** At most this many rows in one answer, newest first. */
export const MAX_MEMBER_LOGIN_ROWS = 500;
/** The relay keeps unlock times to the hour: what it may know of an unlock. */
export const UNLOCK_BUCKET_MS = 60 * 60 * 1000;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Epoch = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
/** iv‖ciphertext‖tag of a padded `{ at }`: well under 200 characters. */
const SealedUnlockSchema = v.pipe(v.string(), v.maxLength(200), v.regex(/^[A-Za-z0-9_-]+$/, 'expected unpadded base64url'));
const Bucket = v.pipe(Count, v.check((input) => input % UNLOCK_BUCKET_MS === 0, 'expected the start of an hour'));

export const UnlockReportSchema = v.strictObject({ bucket: Bucket, epoch: Epoch, ct: SealedUnlockSchema });
export type UnlockReport = v.InferOutput<typeof UnlockReportSchema>;
export const UnlockReportRequestSchema = v.strictObject({
  unlocks: v.pipe(v.array(UnlockReportSchema), v.minLength(1), v.maxLength(MAX_UNLOCKS_PER_REPORT)),
});
export const UnlockReportReplySchema = v.strictObject({ stored: Count });

/** A member is null for a device of a team without a log (its one owner). */
const RowMember = v.nullable(MemberIdSchema);

export const MemberSessionSchema = v.strictObject({ device: DeviceIdSchema, member: RowMember, at: Count, twoFactorVerified: v.boolean() });
export type MemberSession = v.InferOutput<typeof MemberSessionSchema>;
export const MemberSessionsReplySchema = v.strictObject({ sessions: v.array(MemberSessionSchema) });

export const StoredUnlockSchema = v.strictObject({ device: DeviceIdSchema, member: RowMember, ...UnlockReportSchema.entries });
export type StoredUnlock = v.InferOutput<typeof StoredUnlockSchema>;
export const StoredUnlocksReplySchema = v.strictObject({ unlocks: v.array(StoredUnlockSchema) });
