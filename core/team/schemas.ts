/**
 * The membership log's wire form, validated with these schemas by the relay and by every device
 * before anything else reads an entry (like core/sync/protocol.ts for change sets).
 *
 * An entry is `{ v, team, seq, prev, at, signer, body, sig }`: `seq` counts from 1 (the genesis),
 * `prev` is the hash of entry `seq - 1` (null only for the genesis), `at` is the signer's clock in
 * ms, `signer` the signing device. A join also carries `inviteSig`, made with the key the invite
 * secret derives, over the same content. The relay learns ids, device keys, roles and export
 * rights; names and emails travel only as `profile` ciphertext under the team key.
 */
import * as v from 'valibot';
import { DeviceIdSchema, DeviceLabelSchema, PublicKeySchema, SignatureSchema, TeamIdSchema } from '../sync/protocol';
import { INVITE_ROLES, MEMBER_ROLES } from './roles';

export const TEAM_LOG_VERSION = 1;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const base64Url = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(BASE64URL, 'expected unpadded base64url'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

/** SHA-256, base64url: an entry's hash. */
export const EntryHashSchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected a SHA-256 hash'));
/** 16 random bytes, base64url, minted by whoever first names the member (the genesis or the invite). */
export const MemberIdSchema = v.pipe(v.string(), v.length(22), v.regex(BASE64URL, 'expected a member id'));
/** 16 bytes derived from the invite secret, base64url: the relay learns the id, never the secret. */
export const InviteIdSchema = v.pipe(v.string(), v.length(22), v.regex(BASE64URL, 'expected an invite id'));
const X25519PublicKeySchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected an X25519 public key'));

/** A device as the log names it: its id (derived from `signPub`), its Ed25519 and its X25519 public keys. */
export const TeamDeviceSchema = v.strictObject({ id: DeviceIdSchema, signPub: PublicKeySchema, dhPub: X25519PublicKeySchema });
export type TeamDevice = v.InferOutput<typeof TeamDeviceSchema>;

/** A team key sealed to one device (core/sync/key-sealing.ts). */
export const SealedTeamKeySchema = v.strictObject({ device: DeviceIdSchema, eph: X25519PublicKeySchema, ct: base64Url(60, 120) });
export type SealedTeamKey = v.InferOutput<typeof SealedTeamKeySchema>;

/** One epoch's key sealed to some devices; at most 200 devices to a team. */
export const KeyGrantSchema = v.strictObject({ epoch: Positive, sealed: v.pipe(v.array(SealedTeamKeySchema), v.minLength(1), v.maxLength(200)) });
export type KeyGrant = v.InferOutput<typeof KeyGrantSchema>;

/** A new epoch: its key sealed to every remaining device, and the previous epoch's key sealed under it. */
export const RotationSchema = v.strictObject({ ...KeyGrantSchema.entries, previous: base64Url(60, 120) });
export type Rotation = v.InferOutput<typeof RotationSchema>;

/** A member's name and email, encrypted under the team key of `epoch` (core/team/directory.ts). */
export const SealedProfileSchema = v.strictObject({ epoch: Positive, ct: base64Url(1, 2048) });
export type SealedProfile = v.InferOutput<typeof SealedProfileSchema>;

export const GenesisBodySchema = v.strictObject({
  type: v.literal('genesis'), member: MemberIdSchema, device: TeamDeviceSchema, profile: SealedProfileSchema, keys: KeyGrantSchema,
});
export const InviteBodySchema = v.strictObject({
  type: v.literal('invite'), inviteId: InviteIdSchema, invitePub: PublicKeySchema, member: MemberIdSchema,
  role: v.picklist(INVITE_ROLES), canExport: v.boolean(), expiresAt: Count, profile: SealedProfileSchema,
});
export const JoinBodySchema = v.strictObject({
  type: v.literal('join'), inviteId: InviteIdSchema, member: MemberIdSchema, role: v.picklist(MEMBER_ROLES), device: TeamDeviceSchema,
});
export const ConfirmBodySchema = v.strictObject({
  type: v.literal('confirm'), member: MemberIdSchema, join: EntryHashSchema, keys: KeyGrantSchema,
});
export const ChangeRoleBodySchema = v.strictObject({
  type: v.literal('change-role'), member: MemberIdSchema, role: v.picklist(INVITE_ROLES), canExport: v.boolean(),
});
export const RemoveMemberBodySchema = v.strictObject({ type: v.literal('remove-member'), member: MemberIdSchema, rotation: RotationSchema });
export const TransferOwnershipBodySchema = v.strictObject({ type: v.literal('transfer-ownership'), member: MemberIdSchema });
export const RequireTwoFactorBodySchema = v.strictObject({ type: v.literal('require-two-factor'), required: v.boolean() });
/**
 * A member enrols another device of their own (one paired through the relay's mailbox) with the
 * current key sealed to it, so every later rotation seals to it too. `recovery` marks the owner's
 * printed recovery key: a device whose private keys are the printed words (core/team/recovery-key.ts).
 */
export const AddDeviceBodySchema = v.strictObject({
  type: v.literal('add-device'), member: MemberIdSchema, device: TeamDeviceSchema, keys: KeyGrantSchema, recovery: v.optional(v.literal(true)),
});
/** An unused invite withdrawn: a join with it is refused as used. */
export const RevokeInviteBodySchema = v.strictObject({ type: v.literal('revoke-invite'), inviteId: InviteIdSchema });
/** A member's own name and email, sealed under the current key (the invitee's, once confirmed). */
export const ProfileBodySchema = v.strictObject({ type: v.literal('profile'), member: MemberIdSchema, profile: SealedProfileSchema });

export const EntryBodySchema = v.variant('type', [
  GenesisBodySchema, InviteBodySchema, JoinBodySchema, ConfirmBodySchema, ChangeRoleBodySchema,
  RemoveMemberBodySchema, TransferOwnershipBodySchema, RequireTwoFactorBodySchema, AddDeviceBodySchema, RevokeInviteBodySchema,
  ProfileBodySchema,
]);
export type EntryBody = v.InferOutput<typeof EntryBodySchema>;
export type EntryType = EntryBody['type'];
export type BodyOf<T extends EntryType> = Extract<EntryBody, { type: T }>;

const entryEntries = {
  v: v.literal(TEAM_LOG_VERSION),
  team: TeamIdSchema,
  seq: Positive,
  prev: v.nullable(EntryHashSchema),
  at: Count,
  signer: DeviceIdSchema,
  body: EntryBodySchema,
};

/** What a device signs: the entry without its signatures. */
export const UnsignedEntrySchema = v.strictObject(entryEntries);
export type UnsignedEntry = v.InferOutput<typeof UnsignedEntrySchema>;

export const TeamEntrySchema = v.strictObject({ ...entryEntries, sig: SignatureSchema, inviteSig: v.optional(SignatureSchema) });
export type TeamEntry = v.InferOutput<typeof TeamEntrySchema>;

// --- relay messages -----------------------------------------------------------------------------

/** Where a team's log stands: the relay's answer to every log read and append. */
export const LogHeadSchema = v.strictObject({
  seq: Count, hash: v.nullable(EntryHashSchema),
  /** The head entry's date: a new entry is never dated before it, whatever the appending device's clock says. */
  at: Count,
});
export type LogHead = v.InferOutput<typeof LogHeadSchema>;

export const LogPullRequestSchema = v.strictObject({ since: Count });
export const LogPullReplySchema = v.strictObject({ entries: v.pipe(v.array(TeamEntrySchema), v.maxLength(1000)), head: LogHeadSchema });
export const LogAppendRequestSchema = v.strictObject({ entry: TeamEntrySchema });
export const LogAppendReplySchema = v.strictObject({ seq: Positive, hash: EntryHashSchema });
/** A joining device has no session yet: it names the team and proves itself by the entry's two signatures. */
/** A sealed join claim (core/team/join-claim.ts): iv‖ciphertext‖tag of the padded claim, base64url. */
export const SealedJoinClaimSchema = base64Url(40, 8192);
export const JoinRequestSchema = v.strictObject({
  team: TeamIdSchema, entry: TeamEntrySchema,
  /** The joiner's name, email and device name sealed under the invite secret (core/team/join-claim.ts): opaque to the relay. */
  claim: v.optional(SealedJoinClaimSchema),
});
/** The sealed claims of joins still waiting for an admin, by invite and joining device (a confirmed or declined join's claim is deleted). */
export const JoinClaimsReplySchema = v.strictObject({
  claims: v.pipe(v.array(v.strictObject({ inviteId: InviteIdSchema, device: DeviceIdSchema, claim: SealedJoinClaimSchema })), v.maxLength(200)),
});
export type JoinClaimsReply = v.InferOutput<typeof JoinClaimsReplySchema>;
/** A member's device names itself once it holds the team key: the name sealed under it (core/sync/device-names.ts). */
export const OwnDeviceLabelRequestSchema = v.strictObject({ label: DeviceLabelSchema });
export const OwnDeviceLabelReplySchema = v.strictObject({ labelled: v.boolean() });
/** What an invitee's device reads before it joins: the invite entry and the head to append on. */
export const InviteLookupRequestSchema = v.strictObject({ team: TeamIdSchema, inviteId: InviteIdSchema });
export const InviteLookupReplySchema = v.strictObject({
  invite: TeamEntrySchema, head: LogHeadSchema,
  /** Where the invited member stands: a joining device waits for `active`, and stops at `removed` (declined). */
  member: v.optional(v.picklist(['invited', 'joined', 'active', 'removed'])),
});
