/**
 * The relay's wire contract, defined once: the extension and the relay validate every message
 * with these schemas on arrival. JSON on the wire; byte strings as unpadded base64url.
 *
 * Flow: `challenge` → `register` (first device of a new team) or `session` (a known device) →
 * bearer token for `push`, `pull` and the device list; a WebSocket whose first frame is `hello`
 * carries `poke` frames when the team's head moves.
 */
import * as v from 'valibot';
import { authenticationResponseSchema } from '../security/webauthn-schemas';

export const PROTOCOL_VERSION = 1;

/** Limits both sides check (SYNC.md §6): a relay refuses more with `too_large`. */
export const LIMITS = {
  maxItemCiphertextBytes: 300 * 1024,
  maxSetsPerPush: 100,
  maxItemsPerSet: 1000,
  maxPullSets: 500,
  maxBodyBytes: 2 * 1024 * 1024,
  maxSocketFrameBytes: 16 * 1024,
} as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const base64Url = (maxChars: number) =>
  v.pipe(v.string(), v.maxLength(maxChars), v.regex(BASE64URL, 'expected unpadded base64url'));

/** A device id: base64url of the first 16 bytes of SHA-256 over the raw Ed25519 public key. */
export const DeviceIdSchema = v.pipe(v.string(), v.length(22), v.regex(BASE64URL, 'expected a device id'));
/** A team id: 16 random bytes, base64url, minted by the team's first device. */
export const TeamIdSchema = v.pipe(v.string(), v.length(22), v.regex(BASE64URL, 'expected a team id'));
/** Raw 32-byte Ed25519 public key. */
export const PublicKeySchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected an Ed25519 public key'));
export const SignatureSchema = v.pipe(v.string(), v.length(86), v.regex(BASE64URL, 'expected an Ed25519 signature'));
export const NonceSchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected a 32-byte nonce'));
/** A set id is the writer's HLC string (`core/hlc.ts`): fixed-width wall and counter, then the node id. */
export const SetIdSchema = v.pipe(v.string(), v.regex(/^\d{13}-\d{5}-[A-Za-z0-9_.:-]{1,64}$/, 'expected an HLC set id'));
const ShortName = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a short lower-case name'));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const Positive = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

/**
 * `purge` and `erase` (an erased person's id) are terminal: the relay drops the ciphertext of
 * the id's items and refuses later ones (SYNC.md §10); every device drops them too.
 */
export const ITEM_OPS = ['create', 'update', 'delete', 'restore', 'purge', 'erase'] as const;
export const TERMINAL_OPS: readonly Item['op'][] = ['purge', 'erase'];

/** One record's part of a set: ids, kind and op in the clear, the rest sealed under a key the relay never holds. */
export const ItemSchema = v.strictObject({
  recordId: v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[A-Za-z0-9_.:-]+$/, 'expected a record id')),
  kind: ShortName,
  op: v.picklist(ITEM_OPS),
  /** SHA-256 of the ciphertext bytes: the signature covers it, so the relay may drop `ct` later. */
  h: v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected a SHA-256 hash')),
  ct: v.optional(base64Url(Math.ceil((LIMITS.maxItemCiphertextBytes * 4) / 3))),
});
export type Item = v.InferOutput<typeof ItemSchema>;

const envelopeEntries = {
  v: v.literal(PROTOCOL_VERSION),
  team: TeamIdSchema,
  setId: SetIdSchema,
  device: DeviceIdSchema,
  /** 1, 2, 3 … per device, no gaps: the relay holds a prefix of every device's outbox. */
  clientSeq: Positive,
  prevSetId: v.nullable(SetIdSchema),
  epoch: Positive,
  batchId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  undoOf: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /**
   * Set only on a set with no items: its clientSeq was given before the device purged or erased
   * what it held. It still goes out, signed like any set, so the device's sequence stays whole;
   * the relay stores it and every device skips it. Not signed itself: it says no more than the
   * (signed) empty item list, and the relay gives it back from that list.
   */
  vacant: v.optional(v.literal(true)),
  items: v.pipe(v.array(ItemSchema), v.maxLength(LIMITS.maxItemsPerSet)),
  sig: SignatureSchema,
};

interface VacancyShape { readonly vacant?: true | undefined; readonly items: readonly unknown[] }

/** A set has at least one item, except a vacant one, which has none. */
const withVacancyRule = <TSchema extends v.GenericSchema<unknown, VacancyShape>>(schema: TSchema) =>
  v.pipe(schema, v.check<v.InferOutput<TSchema>, string>(
    (set) => ((set as VacancyShape).vacant === true) === ((set as VacancyShape).items.length === 0), 'expected items, or a vacant set without any',
  ));

/** One change set as a device signs and pushes it (SYNC.md §6). */
export const EnvelopeSchema = withVacancyRule(v.strictObject(envelopeEntries));
/** What a device signs: the envelope without its signature. */
export const UnsignedEnvelopeSchema = withVacancyRule(v.omit(v.strictObject(envelopeEntries), ['sig']));
export type Envelope = v.InferOutput<typeof EnvelopeSchema>;
export type UnsignedEnvelope = Omit<Envelope, 'sig'>;

/** A committed set as pull returns it: the envelope plus the relay's sequence number. */
export const StoredSetSchema = withVacancyRule(v.strictObject({ ...envelopeEntries, seq: Positive }));
export type StoredSet = v.InferOutput<typeof StoredSetSchema>;

export const ERROR_CODES = [
  'bad_json', 'bad_request', 'too_large', 'version', 'unauthorized', 'bad_signature', 'bad_hash',
  'bad_nonce', 'unknown_device', 'removed', 'team_exists', 'forbidden', 'gap', 'conflict',
  'clock_skew', 'not_found', 'unavailable', 'internal', 'expired',
  /** A set names a record that was purged or erased: the relay stores nothing of that set. */
  'tombstoned',
  /** The log no longer reaches back to the cursor (SYNC.md §7.6): bootstrap from the latest snapshot (`/v1/snapshots/latest`). */
  'gone',
  /** Team membership (core/team): an entry not built on the log's head, a role that may not do this, an entry the log refuses. */
  'stale_head', 'role_forbidden', 'invalid_entry',
  /** The team's owner cancelled it (core/sync/team-cancellation.ts): every read and write is refused until a restore. */
  'team_cancelled',
  /** A fair-use limit: wait the answer's Retry-After (or the frame's `retryAfter`) before asking again. */
  'rate_limited',
  /**
   * The team requires two-factor: a session starts only with an assertion the relay verifies
   * (`two_factor_required`), from a key the member registered with it (`two_factor_not_registered`);
   * `two_factor_failed`: the assertion or registration did not verify.
   */
  'two_factor_required', 'two_factor_not_registered', 'two_factor_failed',
  /** Too many failed joins with this invite, or from this address: the invite is burnt. */
  'invite_locked',
  /**
   * A set sealed under a team key older than the team's current epoch: a member was removed and
   * the key rotated since this device last read the log. Read the log again, then push again.
   */
  'stale_epoch',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const RefusalSchema = v.strictObject({
  error: v.picklist(ERROR_CODES),
  detail: v.optional(v.string()),
  /** For `gap`: the clientSeq the relay expects next from this device. */
  expected: v.optional(Positive),
  /** For `rate_limited`: the wait in whole seconds, as in the Retry-After header. */
  retryAfter: v.optional(Positive),
});
export type Refusal = v.InferOutput<typeof RefusalSchema>;

// --- authentication -----------------------------------------------------------------------

export const ChallengeRequestSchema = v.strictObject({ team: TeamIdSchema, device: DeviceIdSchema });
export const ChallengeSchema = v.strictObject({ nonce: NonceSchema, relayTime: Count, relayInstance: v.string() });

/**
 * A device's name, encrypted on the device under the sync key (core/sync/device-names.ts): the relay
 * stores and returns it as opaque bytes and never sees the name.
 */
export const DeviceLabelSchema = base64Url(512);

/** The first device of a team: creates the team with itself as its only device. */
export const RegisterRequestSchema = v.strictObject({
  team: TeamIdSchema, device: DeviceIdSchema, publicKey: PublicKeySchema, nonce: NonceSchema, sig: SignatureSchema,
  label: v.optional(DeviceLabelSchema),
});
/**
 * A second factor for the session: a WebAuthn assertion over a challenge the relay issued to this
 * device (core/sync/two-factor-protocol.ts), verified by the relay against the member's registered key.
 */
export const TwoFactorProofSchema = v.strictObject({ challenge: NonceSchema, response: authenticationResponseSchema });
export type TwoFactorProof = v.InferOutput<typeof TwoFactorProofSchema>;

export const SessionRequestSchema = v.strictObject({
  team: TeamIdSchema, device: DeviceIdSchema, nonce: NonceSchema, sig: SignatureSchema, twoFactor: v.optional(TwoFactorProofSchema),
});
export const SessionSchema = v.strictObject({ token: base64Url(64), expiresAt: Count, relayInstance: v.string() });
export type Session = v.InferOutput<typeof SessionSchema>;

// --- devices -------------------------------------------------------------------------------

/** An enrolled device adds another device's key; signed by the enrolling device, not only by its session. */
export const AddDeviceRequestSchema = v.strictObject({ publicKey: PublicKeySchema, sig: SignatureSchema, label: v.optional(DeviceLabelSchema) });
export const RemoveDeviceRequestSchema = v.strictObject({ device: DeviceIdSchema, sig: SignatureSchema });
export const DeviceInfoSchema = v.strictObject({
  device: DeviceIdSchema, publicKey: PublicKeySchema, addedAt: Count, removedAt: v.nullable(Count),
  ackedClientSeq: Count, lastSeenAt: v.nullable(Count), label: v.optional(DeviceLabelSchema),
});
export const DeviceListSchema = v.strictObject({ devices: v.array(DeviceInfoSchema) });
export type DeviceInfo = v.InferOutput<typeof DeviceInfoSchema>;

// --- push and pull -------------------------------------------------------------------------

export const PushRequestSchema = v.strictObject({
  reqId: v.pipe(v.string(), v.maxLength(64)),
  sets: v.pipe(v.array(EnvelopeSchema), v.minLength(1), v.maxLength(LIMITS.maxSetsPerPush)),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

/** Per set: its seq (a duplicate is acknowledged again with its original seq), or why it was refused. */
export const PushResultSchema = v.union([
  v.strictObject({ setId: SetIdSchema, seq: Positive, duplicate: v.boolean() }),
  v.strictObject({ setId: SetIdSchema, error: v.picklist(ERROR_CODES), expected: v.optional(Positive) }),
]);
export type PushResult = v.InferOutput<typeof PushResultSchema>;

/** `relayInstance` and `head` in every answer let a device notice a relay that went back in time. */
export const AckSchema = v.strictObject({
  reqId: v.string(), results: v.array(PushResultSchema), head: Count, relayInstance: v.string(),
});
export type Ack = v.InferOutput<typeof AckSchema>;

export const PullRequestSchema = v.strictObject({
  since: Count,
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.maxPullSets))),
  /**
   * Sent only by a device that just loaded the latest snapshot: below the log's floor it gets what
   * the relay still holds there (purges and erasures, kept so nothing ended comes back) instead of `gone`.
   */
  fromSnapshot: v.optional(v.literal(true)),
});
export const PullReplySchema = v.strictObject({
  sets: v.array(StoredSetSchema), head: Count, more: v.boolean(), relayInstance: v.string(),
});
export type PullReply = v.InferOutput<typeof PullReplySchema>;

// --- WebSocket -----------------------------------------------------------------------------

/** The first frame a device sends; the token travels here, never in the URL (it would reach logs). */
export const HelloFrameSchema = v.strictObject({ type: v.literal('hello'), v: v.number(), token: base64Url(64) });
export const ServerFrameSchema = v.variant('type', [
  v.strictObject({ type: v.literal('welcome'), head: Count, relayInstance: v.string() }),
  /** Something new committed: pull if `head` is above your cursor. */
  v.strictObject({ type: v.literal('poke'), head: Count }),
  /**
   * The team's membership log moved to entry `seq` (a member joined or left, a key rotated): read
   * the log again before the next push. A hint only; the log itself comes over HTTP.
   */
  v.strictObject({ type: v.literal('members'), seq: Positive }),
  v.strictObject({ type: v.literal('error'), error: v.picklist(ERROR_CODES), detail: v.optional(v.string()) }),
  /** Over a fair-use limit: the relay closes the socket; connect again after `retryAfter` seconds. */
  v.strictObject({ type: v.literal('rate_limited'), retryAfter: Positive }),
]);
export type ServerFrame = v.InferOutput<typeof ServerFrameSchema>;

// --- pairing -------------------------------------------------------------------------------
//
// A one-time mailbox through which an enrolled device hands the sync key to a new one. The slot
// is SHA-256 of the pairing secret, so the relay never learns the code; every message is
// AES-GCM under a key derived from the secret, so the relay can neither read nor substitute one.
// The relay keeps a slot for PAIRING_TTL_MS and each message kind once.

export const PAIRING_TTL_MS = 10 * 60 * 1000;
/** What the new device posts (`join`, `accept`) and what the enrolled one answers (`welcome`). */
export const PAIRING_KINDS = ['join', 'accept', 'welcome'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];

export const PairingSlotSchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected a pairing slot'));
export const PairingMessageSchema = v.pipe(base64Url(4096), v.minLength(1));

export const PairingOpenRequestSchema = v.strictObject({ slot: PairingSlotSchema, offer: PairingMessageSchema });
export const PairingOpenedSchema = v.strictObject({ expiresAt: Count });
export const PairingPostRequestSchema = v.strictObject({ slot: PairingSlotSchema, kind: v.picklist(PAIRING_KINDS), msg: PairingMessageSchema });
export const PairingSlotRequestSchema = v.strictObject({ slot: PairingSlotSchema });
export const PairingSlotReplySchema = v.strictObject({
  offer: PairingMessageSchema, join: v.optional(PairingMessageSchema), accept: v.optional(PairingMessageSchema),
  welcome: v.optional(PairingMessageSchema), expiresAt: Count,
});
export type PairingSlotReply = v.InferOutput<typeof PairingSlotReplySchema>;

/** Inside the mailbox, once decrypted: validated on arrival like everything else. */
const X25519PublicKeySchema = v.pipe(v.string(), v.length(43), v.regex(BASE64URL, 'expected an X25519 public key'));
export const PairingOfferContentSchema = v.strictObject({ team: TeamIdSchema, device: DeviceIdSchema, publicKey: PublicKeySchema });
export const PairingJoinContentSchema = v.strictObject({
  publicKey: PublicKeySchema, agreementKey: X25519PublicKeySchema, name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});
export const PairingAcceptContentSchema = v.strictObject({ accepted: v.literal(true) });
export const PairingWelcomeContentSchema = v.strictObject({
  team: TeamIdSchema, epoch: Positive, device: DeviceIdSchema,
  sealedKey: v.strictObject({ eph: X25519PublicKeySchema, ct: base64Url(200) }),
});
