/**
 * The relay's two-factor messages (issue 13): a member registers a WebAuthn key with the relay,
 * and the relay verifies an assertion from it before it opens a session in a team whose log
 * requires two-factor.
 *
 *   POST /v1/two-factor/options   { team, device, nonce, sig }        → TwoFactorOptions
 *       sig: the device key over authMessage('two-factor', …) with a nonce from /v1/challenge;
 *       the challenge it returns is good once, for this device, for CHALLENGE_TTL_MS.
 *   POST /v1/two-factor/register  { team, device, challenge, response } → { registered: true }
 *       the member's first key; a further key needs a bearer session that was itself two-factor verified.
 *   POST /v1/session              { …, twoFactor: { challenge, response } } → session (see protocol.ts)
 *   POST /v1/two-factor/status    bearer (a member's device)           → TwoFactorStatusReply
 */
import * as v from 'valibot';
import { registrationResponseSchema } from '../security/webauthn-schemas';
import { DeviceIdSchema, NonceSchema, SignatureSchema, TeamIdSchema } from './protocol';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const CredentialIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(1366), v.regex(/^[A-Za-z0-9_-]+$/, 'expected a credential id'));
const MemberIdSchema = v.pipe(v.string(), v.length(22), v.regex(/^[A-Za-z0-9_-]*$/, 'expected a member id'));

export const TwoFactorOptionsRequestSchema = v.strictObject({ team: TeamIdSchema, device: DeviceIdSchema, nonce: NonceSchema, sig: SignatureSchema });

export const TwoFactorOptionsSchema = v.strictObject({
  challenge: NonceSchema,
  /** On the relay's clock. */
  expiresAt: Count,
  /** The member's keys the relay holds: the allow list of the assertion; empty until one is registered. */
  credentials: v.pipe(v.array(v.strictObject({ id: CredentialIdSchema, transports: v.array(v.pipe(v.string(), v.maxLength(32))) })), v.maxLength(32)),
  userVerification: v.picklist(['required', 'preferred']),
  /** Whether the team's log requires two-factor now. */
  required: v.boolean(),
});
export type TwoFactorOptions = v.InferOutput<typeof TwoFactorOptionsSchema>;

export const TwoFactorRegisterRequestSchema = v.strictObject({
  team: TeamIdSchema, device: DeviceIdSchema, challenge: NonceSchema, response: registrationResponseSchema,
});

export const MemberTwoFactorSchema = v.strictObject({
  member: MemberIdSchema,
  /** The relay holds a WebAuthn key of this member. */
  registered: v.boolean(),
  /** When the relay last verified an assertion from one of the member's keys; null if never. */
  lastVerifiedAt: v.nullable(Count),
});
export type MemberTwoFactor = v.InferOutput<typeof MemberTwoFactorSchema>;

export const TwoFactorStatusReplySchema = v.strictObject({
  required: v.boolean(),
  members: v.pipe(v.array(MemberTwoFactorSchema), v.maxLength(1000)),
});
export type TwoFactorStatusReply = v.InferOutput<typeof TwoFactorStatusReplySchema>;
